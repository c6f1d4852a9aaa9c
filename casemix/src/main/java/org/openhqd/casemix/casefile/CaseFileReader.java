package org.openhqd.casemix.casefile;

import java.io.Closeable;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.casemix.drg.CaseReading;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Problem;
import org.openhqd.casemix.drg.ProblemCode;

/**
 * Streams the case CSV of the scheme samples ({@code case_id,sex,age,age_days,birth_weight,dept,
 * los,discharge_type,diagnoses,procedures}), one row at a time, so files of any size group in
 * constant memory. Columns are found by header name (English, or the Chinese names of the
 * 医保结算清单); extra columns are ignored. A BOM is skipped. Bytes that are not valid in the
 * chosen encoding stop the reading with the line number rather than being silently replaced. The
 * diagnosis and procedure fields are split as the scheme's {@link CaseReading} does (by default the
 * CHS-DRG 1.1 reading: on {@code |} and {@code ,}).
 */
public final class CaseFileReader implements Closeable {

    /** The case fields in the order of {@link InpatientCase}, with the header names accepted for each. */
    enum Column {
        CASE_ID("case_id", "病案号", "住院号", "病案编号", "结算清单号"),
        SEX("sex", "性别"),
        AGE("age", "年龄", "年龄（岁）", "年龄(岁)"),
        AGE_DAYS("age_days", "年龄（天）", "年龄(天)", "日龄", "年龄不足1周岁的年龄（天）", "年龄不足1周岁的年龄(天)"),
        BIRTH_WEIGHT("birth_weight", "出生体重", "新生儿出生体重", "新生儿出生体重（克）", "新生儿出生体重(克)"),
        DEPT("dept", "科室", "出院科别", "科室编码"),
        LOS("los", "住院天数", "实际住院天数"),
        DISCHARGE_TYPE("discharge_type", "离院方式"),
        DIAGNOSES("diagnoses", "诊断", "诊断编码", "诊断代码"),
        PROCEDURES("procedures", "手术", "手术操作", "手术操作编码", "手术及操作编码", "手术操作代码");

        final String[] names;

        Column(String... names) {
            this.names = names;
        }
    }

    private final LineSource in;
    private final CaseReading reading;
    private final int[] index = new int[Column.values().length];
    private final int width;
    private long line;

    private CaseFileReader(LineSource in, CaseReading reading) {
        this.in = in;
        this.reading = reading;
        String header = readLine();
        if (header == null) {
            throw new CaseFileException(1, "文件为空，缺少表头", "the file is empty; a header line is required");
        }
        if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
            header = header.substring(1);
        }
        Map<String, Integer> byName = new HashMap<>();
        List<String> cells = CsvLine.split(header);
        if (cells == null) {
            throw new CaseFileException(1, "表头引号不配对", "unbalanced quote in the header");
        }
        for (int i = 0; i < cells.size(); i++) {
            byName.putIfAbsent(cells.get(i).trim().toLowerCase(java.util.Locale.ROOT), i);
        }
        List<String> missing = new ArrayList<>();
        int max = 0;
        for (Column c : Column.values()) {
            index[c.ordinal()] = -1;
            for (String name : c.names) {
                Integer i = byName.get(name);
                if (i != null) {
                    index[c.ordinal()] = i;
                    max = Math.max(max, i);
                    break;
                }
            }
            if (index[c.ordinal()] < 0) {
                missing.add(c.names[0]);
            }
        }
        if (!missing.isEmpty()) {
            throw new CaseFileException(1, "表头缺少列 " + missing + "，需要 case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures",
                    "header lacks columns " + missing + "; required: case_id,sex,age,age_days,birth_weight,dept,los,discharge_type,diagnoses,procedures");
        }
        this.width = max + 1;
    }

    /** Reads from a decoded stream (the caller owns the charset). */
    public static CaseFileReader of(Reader reader) {
        return of(reader, CaseReading.CHS_DRG_11);
    }

    /** Reads from a decoded stream, splitting code lists as {@code reading} does ({@code scheme.caseReading()}). */
    public static CaseFileReader of(Reader reader, CaseReading reading) {
        return new CaseFileReader(LineSource.of(reader), reading);
    }

    /** Reads bytes in the given charset (UTF-8 with or without BOM, GB18030, …), strictly. */
    public static CaseFileReader of(InputStream in, Charset charset) {
        return of(in, charset, CaseReading.CHS_DRG_11);
    }

    /** Reads bytes in the given charset, splitting code lists as {@code reading} does ({@code scheme.caseReading()}). */
    public static CaseFileReader of(InputStream in, Charset charset, CaseReading reading) {
        return new CaseFileReader(LineSource.of(in, charset), reading);
    }

    /** The line number of the last line read (the header is line 1). */
    public long line() {
        return line;
    }

    /**
     * The next data row, or null at the end of the file. Blank lines are skipped.
     *
     * @throws CaseFileException when the bytes are not valid in the file's encoding
     */
    public CaseRow next() {
        String text;
        do {
            text = readLine();
            if (text == null) {
                return null;
            }
        } while (text.isEmpty());
        List<String> f = CsvLine.split(text);
        if (f == null) {
            String id = text.substring(0, Math.max(0, text.indexOf(',') < 0 ? text.length() : text.indexOf(',')));
            return new CaseRow(line, id, null, new Problem(ProblemCode.MALFORMED_ROW, "", -1, Long.toString(line), "引号不配对"));
        }
        if (f.size() < width) {
            String id = f.get(0);
            return new CaseRow(line, id, null, new Problem(ProblemCode.TOO_FEW_FIELDS, "", -1, Long.toString(line), f.size() + "/" + width));
        }
        InpatientCase c = new InpatientCase(get(f, Column.CASE_ID), get(f, Column.SEX), get(f, Column.AGE),
                get(f, Column.AGE_DAYS), get(f, Column.BIRTH_WEIGHT), get(f, Column.DEPT), get(f, Column.LOS),
                get(f, Column.DISCHARGE_TYPE), reading.splitCodes(get(f, Column.DIAGNOSES)),
                reading.splitCodes(get(f, Column.PROCEDURES)));
        return new CaseRow(line, c.caseId(), c, null);
    }

    private String get(List<String> f, Column c) {
        return f.get(index[c.ordinal()]);
    }

    private String readLine() {
        try {
            String s = in.next();
            if (s != null) {
                line++;
            }
            return s;
        } catch (CharacterCodingException e) {
            throw new CaseFileException(line + 1, "文件编码不符（默认 UTF-8；GB18030 文件请加 --encoding GB18030）",
                    "bytes not valid in the file's encoding (UTF-8 by default; use --encoding GB18030 for GB18030 files)");
        }
    }

    @Override
    public void close() {
        in.close();
    }
}
