package org.openhqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hqd}: the OpenHQD command line. Run {@code hqd --help} for the commands.
 *
 * <p>Exit codes: 0 success (also when some rows are invalid: they are reported in the output),
 * 1 the output could not be written or an internal error, 2 the input could not be read (file not
 * found, wrong encoding, missing header columns, unknown scheme or encoding) or a usage error.
 */
@Command(name = "hqd",
        versionProvider = Hqd.Version.class,
        subcommands = DrgCommand.class,
        headerHeading = "%n",
        header = "OpenHQD 公立医院高质量发展平台命令行 / OpenHQD command line",
        synopsisHeading = "%n用法 / Usage: ",
        descriptionHeading = "%n",
        description = {
            "子命令 drg：DRG 分组、方案列表、合成病案。",
            "Subcommand drg: DRG grouping, scheme list, synthetic cases."},
        commandListHeading = "%n命令 / Commands:%n",
        optionListHeading = "%n选项 / Options:%n",
        footerHeading = "%n",
        footer = {
            "退出码 / exit codes: 0 成功（含无效行）/ success (invalid rows included); "
                    + "1 无法写出或内部错误 / output not written or internal error; "
                    + "2 输入无法读取或用法错误 / input unreadable or usage error.",
            "例 / e.g.: hqd drg group --in cases.csv --out result.csv --explain"})
public final class Hqd implements Runnable {

    @Mixin
    StandardOptions standard;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "缺少子命令 / missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its messages in the console's encoding (UTF-8 unless the console says otherwise). */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Hqd());
        cl.setOut(writer(System.out, "sun.stdout.encoding"));
        cl.setErr(writer(System.err, "sun.stderr.encoding"));
        return cl;
    }

    private static PrintWriter writer(PrintStream stream, String property) {
        return new PrintWriter(new OutputStreamWriter(stream, consoleCharset(property)), true);
    }

    private static Charset consoleCharset(String property) {
        String name = System.getProperty(property);
        if (name != null && Charset.isSupported(name)) {
            return Charset.forName(name);
        }
        Charset def = Charset.defaultCharset();
        // A POSIX "C" locale makes Java 17 pick ASCII, which would turn every Chinese message into '?'.
        return def.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : def;
    }

    /** The version of the build, from a resource that Maven fills in. */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = Hqd.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"hqd (OpenHQD) " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
