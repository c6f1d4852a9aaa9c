package org.openhqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.openhqd.casemix.casefile.CaseFileException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Runs a command and turns every failure into a one-line message on stderr and an exit code,
 * never a stack trace (set {@code HQD_DEBUG=1} to see one).
 */
abstract class BaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The command's work; returns the exit code. */
    abstract int execute() throws IOException;

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (Failure f) {
            return fail(f.getMessage(), f.exitCode(), f);
        } catch (CaseFileException e) {
            return fail(e.getMessage(), Failure.INPUT, e);
        } catch (UncheckedIOException e) {
            return fail("无法读取输入 / cannot read the input: " + e.getCause().getMessage(), Failure.INPUT, e);
        } catch (IOException e) {
            return fail("无法写出结果 / cannot write the output: " + e.getMessage(), Failure.OUTPUT, e);
        } catch (RuntimeException | Error e) {
            return fail("内部错误 / internal error: " + e, 1, e);
        }
    }

    private int fail(String message, int code, Throwable t) {
        PrintWriter err = err();
        err.println("hqd: " + oneLine(message));
        if (System.getenv("HQD_DEBUG") != null) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\r', ' ').replace('\n', ' ');
    }
}
