package org.openhqd.casemix.drg;

/** Outcome of grouping one case; {@link #word()} is the status column of the result CSV. */
public enum GroupingStatus {
    /** 分组成功: a DRG was assigned. */
    OK("ok", "入组", "grouped"),
    /**
     * 歧义病案: a QY checkpoint fired (operating-room procedure unrelated to the principal diagnosis),
     * or a medical ADRG was chosen while the case has a principal procedure (CHS-DRG 2.0's QY redirect).
     */
    AMBIGUOUS("ambiguous", "歧义病案", "ambiguous (QY)"),
    /** 无法入组 (0000): no MDC/ADRG fits, or a principal code was refused by the scheme's code checks. */
    UNGROUPABLE("ungroupable", "无法入组", "ungroupable (0000)"),
    /** 信息校验不通过: the case failed a validity check and was not grouped. */
    INVALID("invalid", "信息校验不通过", "invalid input");

    private final String word;
    private final String zh;
    private final String en;

    GroupingStatus(String word, String zh, String en) {
        this.word = word;
        this.zh = zh;
        this.en = en;
    }

    public String word() {
        return word;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
