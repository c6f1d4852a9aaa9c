package org.openhqd.platform.referral;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * How long a test result is recognised across the community (互认窗口), per test code: data in
 * {@code recognition-windows.tsv} (illustrative defaults, set by the community), not code.
 */
@Component
public class RecognitionWindows {

    /** One test code's window. */
    public record Window(String code, String name, int days) {
    }

    static final String RESOURCE = "/org/openhqd/platform/referral/recognition-windows.tsv";

    private final Map<String, Window> windows;

    RecognitionWindows() {
        this.windows = load();
    }

    public Optional<Window> of(String code) {
        return Optional.ofNullable(windows.get(code));
    }

    public Map<String, Window> all() {
        return windows;
    }

    static Map<String, Window> load() {
        Map<String, Window> out = new LinkedHashMap<>();
        try (var in = RecognitionWindows.class.getResourceAsStream(RESOURCE);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false; // the column names
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": expected code, name, days in: " + line);
                }
                out.put(f[0].trim(), new Window(f[0].trim(), f[1].trim(), Integer.parseInt(f[2].trim())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
