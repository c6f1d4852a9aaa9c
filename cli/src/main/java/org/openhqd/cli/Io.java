package org.openhqd.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.openhqd.casemix.casefile.CaseFileException;
import org.openhqd.casemix.casefile.CaseFileReader;
import org.openhqd.casemix.drg.CaseReading;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.drg.SchemeFormatException;

/** Opening what a command reads, with the bilingual messages of {@link Failure}. */
final class Io {

    /** {@code -} on the command line: standard input or output. */
    static final String STD = "-";

    private Io() {
    }

    static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw Failure.input("未知的字符编码 '" + name + "'（可用 UTF-8、GB18030、GBK）",
                    "unknown encoding '" + name + "' (try UTF-8, GB18030, GBK)");
        }
    }

    static Scheme scheme(String idOrPath) {
        try {
            return SchemeCatalog.builtIn().get(idOrPath);
        } catch (SchemeFormatException e) {
            throw new Failure(Failure.INPUT, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new Failure(Failure.INPUT, e.getMessage());
        }
    }

    /** The input stream of {@code --in}; standard input for {@code -} (which the caller must not close). */
    static InputStream openInput(String in) {
        if (STD.equals(in)) {
            return new NonClosingInputStream(System.in);
        }
        Path path;
        try {
            path = Path.of(in);
        } catch (InvalidPathException e) {
            throw Failure.input("输入文件名无效：" + in, "invalid input file name: " + in);
        }
        if (Files.isDirectory(path)) {
            throw Failure.input("输入是目录而不是文件：" + in, "the input is a directory, not a file: " + in);
        }
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw Failure.input("找不到输入文件：" + in, "input file not found: " + in);
        } catch (AccessDeniedException e) {
            throw Failure.input("无权读取输入文件：" + in, "no permission to read the input file: " + in);
        } catch (IOException e) {
            throw Failure.input("无法打开输入文件：" + in + "（" + e.getMessage() + "）",
                    "cannot open the input file: " + in + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads the header; a file that cannot be read as a case file fails with the file's name. Code
     * lists are split as the scheme's case reading does (CHS-DRG 2.0: on {@code |} only).
     */
    static CaseFileReader caseReader(InputStream in, Charset charset, String name, CaseReading reading) {
        try {
            return CaseFileReader.of(in, charset, reading);
        } catch (CaseFileException e) {
            throw inputFailure(name, e);
        }
    }

    static Failure inputFailure(String name, CaseFileException e) {
        return new Failure(Failure.INPUT, displayName(name) + ": " + e.getMessage());
    }

    static String displayName(String name) {
        return STD.equals(name) ? "<stdin>" : name;
    }

    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input belongs to the process
        }
    }
}
