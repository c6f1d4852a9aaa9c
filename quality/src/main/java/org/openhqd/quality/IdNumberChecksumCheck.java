package org.openhqd.quality;

/**
 * ID_NUMBER_CHECKSUM — an 18-character resident identity number carries a correct check character
 * (GB 11643-1999, ISO 7064 MOD 11-2). Other lengths are PATTERN's business. The number is shown
 * masked in findings. Parameter: {@code field}.
 */
final class IdNumberChecksumCheck implements Check {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final FieldPath field;

    IdNumberChecksumCheck(Params p) {
        this.field = p.field("field");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        field.forEach(ctx.record, (index, value) -> {
            if (shaped(value) && !valid(value)) {
                hits.add(field.label(index), value, "");
            }
        });
    }

    /** 17 digits and a digit or X: the shape whose check character can be tested. */
    static boolean shaped(String id) {
        if (id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        char last = id.charAt(17);
        return (last >= '0' && last <= '9') || last == 'X' || last == 'x';
    }

    static boolean valid(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }
}
