package org.openhqd.platform.patient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A resident identity card number (居民身份证号码, GB 11643-1999): 6-digit area code, 8-digit birth
 * date, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private final String value;

    private IdNumber(String value) {
        this.value = value;
    }

    /**
     * Parses and validates; a lower-case {@code x} is accepted. Returns the reason in Chinese and
     * English when invalid.
     */
    public static Result parse(String text, LocalDate today) {
        if (text == null) {
            return Result.invalid("身份证号为空 / ID number is empty");
        }
        String s = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (s.length() != 18) {
            return Result.invalid("身份证号应为 18 位 / an ID number has 18 characters");
        }
        for (int i = 0; i < 17; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return Result.invalid("身份证号前 17 位应为数字 / the first 17 characters must be digits");
            }
        }
        if (s.charAt(0) == '0') {
            return Result.invalid("行政区划代码无效 / invalid area code");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.invalid("出生日期无效 / invalid birth date");
        }
        if (birth.isAfter(today) || birth.getYear() < 1880) {
            return Result.invalid("出生日期无效 / invalid birth date");
        }
        if (s.charAt(17) != checkCharacter(s)) {
            return Result.invalid("校验码错误 / wrong check character");
        }
        return new Result(Optional.of(new IdNumber(s)), null);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    /** 1 male, 2 female (GB/T 2261.1), from the parity of the sequence number. */
    public String sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
    }

    /** The only form ever shown or logged: {@code 110***********123X}. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String value) {
        if (value == null || value.length() < 8) {
            return "****";
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked(); // never the number itself, even in a debugger or a log line
    }

    /** The outcome of {@link #parse}. */
    public record Result(Optional<IdNumber> id, String error) {
        static Result invalid(String error) {
            return new Result(Optional.empty(), error);
        }

        public boolean valid() {
            return id.isPresent();
        }
    }
}
