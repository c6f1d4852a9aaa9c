package org.openhqd.platform.drg.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openhqd.platform.drg.ImportFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Streams an uploaded body to a file in the data directory ({@code tmp/}), refusing it with 413
 * once it passes {@code hqd.drg.import.max-bytes} (2 GB by default): no size limit of a multipart
 * parser, no body held in memory.
 */
@Component
public class UploadSpool {

    private final Path dir;
    private volatile long maxBytes;   // not final: tests lower it

    UploadSpool(@Value("${hqd.data-dir:data}") String dataDir, @Value("${hqd.drg.import.max-bytes:2147483648}") long maxBytes) {
        this.dir = Path.of(dataDir, "tmp");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The body in a temporary file (the caller hands it to the import, which deletes it). */
    public Path spool(InputStream body, long declaredLength) {
        if (declaredLength > maxBytes) {
            throw tooLarge();
        }
        Path file;
        try {
            Files.createDirectories(dir);
            file = Files.createTempFile(dir, "drg-import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = body.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
            ok = true;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!ok) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // best effort: the tmp directory is the service's own
                }
            }
        }
    }

    private ErrorResponseException tooLarge() {
        ErrorResponseException e = new ErrorResponseException(HttpStatus.PAYLOAD_TOO_LARGE);
        e.getBody().setDetail("文件超过上限 " + maxBytes + " 字节（hqd.drg.import.max-bytes），请拆分后导入 / the file exceeds "
                + maxBytes + " bytes (hqd.drg.import.max-bytes); split it and import the parts");
        return e;
    }

    /** The import format of a request's content type (and file name, for a generic binary type). */
    public static ImportFormat format(String contentType, String fileName) {
        if (contentType != null) {
            try {
                MediaType t = MediaType.parseMediaType(contentType);
                var f = ImportFormat.ofMediaType(t.getType(), t.getSubtype());
                if (f.isPresent()) {
                    return f.get();
                }
                if (t.isCompatibleWith(MediaType.APPLICATION_OCTET_STREAM)) {
                    return ImportFormat.ofFileName(fileName);
                }
            } catch (org.springframework.util.InvalidMimeTypeException ignored) {
                // answered below
            }
        }
        throw invalid(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请以 text/csv 或 XLSX（" + ImportFormat.XLSX_MEDIA_TYPE
                + "）上传 / send text/csv or XLSX (" + ImportFormat.XLSX_MEDIA_TYPE + ")");
    }

    /** The CSV charset: the query's {@code charset}, else the content type's, else UTF-8. */
    public static Charset charset(String contentType, String charsetParam) {
        String name = charsetParam;
        if ((name == null || name.isBlank()) && contentType != null) {
            try {
                Charset c = MediaType.parseMediaType(contentType).getCharset();
                return c == null ? StandardCharsets.UTF_8 : c;
            } catch (org.springframework.util.InvalidMimeTypeException | UnsupportedCharsetException e) {
                throw invalid(HttpStatus.BAD_REQUEST, "不支持的字符集 / unsupported charset");
            }
        }
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw invalid(HttpStatus.BAD_REQUEST, "不支持的字符集 " + name + "（可用 UTF-8、GB18030、GBK）/ unsupported charset "
                    + name + " (use UTF-8, GB18030 or GBK)");
        }
    }

    private static ErrorResponseException invalid(HttpStatus status, String detail) {
        ErrorResponseException e = new ErrorResponseException(status);
        e.getBody().setDetail(detail);
        return e;
    }
}
