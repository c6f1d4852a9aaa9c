package org.openhqd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HqdTest {

    @Test
    void versionIsTheBuildVersion() {
        CliRun r = CliRun.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("hqd (OpenHQD) ").doesNotContain("${").doesNotContain("unknown");
    }

    @Test
    void helpOfEveryCommandIsBilingual() {
        for (String[] args : new String[][] {{"--help"}, {"drg", "--help"}, {"drg", "group", "--help"},
            {"drg", "schemes", "--help"}, {"drg", "generate", "--help"}}) {
            CliRun r = CliRun.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("用法 / Usage").containsPattern("\\p{IsHan}{2,}")
                    .contains("显示本帮助 / show this help");
        }
        assertThat(CliRun.run("drg", "group", "--help").out()).contains("--explain").contains("--normalise")
                .contains("--encoding").contains("chs-drg-1.1");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CliRun r = CliRun.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing subcommand");
        assertThat(CliRun.run("drg").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("drg", "group", "--bogus").exitCode()).isEqualTo(2);
    }
}
