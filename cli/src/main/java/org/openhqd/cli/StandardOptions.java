package org.openhqd.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} and {@code -V/--version} with bilingual descriptions, mixed into every command. */
final class StandardOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助 / show this help")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "显示版本 / print the version")
    boolean version;
}
