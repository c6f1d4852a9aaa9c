package org.openhqd.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hqd drg}: the DRG commands. */
@Command(name = "drg",
        versionProvider = Hqd.Version.class,
        subcommands = {GroupCommand.class, SchemesCommand.class, GenerateCommand.class},
        headerHeading = "%n",
        header = "DRG 分组与方案 / DRG grouping and schemes",
        synopsisHeading = "%n用法 / Usage: ",
        commandListHeading = "%n命令 / Commands:%n",
        optionListHeading = "%n选项 / Options:%n")
final class DrgCommand implements Runnable {

    @Mixin
    StandardOptions standard;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "缺少子命令（group、schemes、generate）/ missing subcommand (group, schemes, generate)");
    }
}
