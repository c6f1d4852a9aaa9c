package org.openhqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static String render(Csv csv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        csv.drainTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quotesOnlyWhatNeedsIt() throws IOException {
        Csv csv = new Csv(8);
        csv.field("plain").field("a,b").field("say \"hi\"").field("two\nlines").field("cr\r").field("").field("中文，逗号")
                .endRow();

        assertThat(render(csv)).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,中文，逗号\n");
    }

    @Test
    void encodesUtf8IncludingSupplementaryCharacters() throws IOException {
        String text = "é 中 \uD842\uDFB7 \u20AC";
        Csv csv = new Csv(4);
        csv.field(text).field("\uD800x").endRow();

        assertThat(render(csv)).isEqualTo(text + ",?x\n");
    }

    @Test
    void joinsLists() throws IOException {
        Csv csv = new Csv(16);
        csv.joined(List.of("I21.000", "I10.x00"), "|").joined(List.of(), "|").joined(List.of("a,b"), "|").endRow();

        assertThat(render(csv)).isEqualTo("I21.000|I10.x00,,\"a,b\"\n");
    }

    @Test
    void roundTripsThroughTheParserOfTheTests() throws IOException {
        List<String> fields = List.of("x", "\"", ",", "\"\"", "a\"b,c\nd", "");
        Csv csv = new Csv(1);
        fields.forEach(csv::field);
        csv.endRow();

        assertThat(CliRun.parseCsv(render(csv))).containsExactly(fields);
    }
}
