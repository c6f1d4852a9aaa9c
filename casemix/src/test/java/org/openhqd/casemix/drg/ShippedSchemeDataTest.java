package org.openhqd.casemix.drg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped scheme resources carry exactly the reference content: the manifest is the
 * reference's own (its SHA-256 is pinned here), and every table listed in it has the manifest's
 * size, row count and SHA-256. A changed, truncated or re-encoded table fails this test.
 */
class ShippedSchemeDataTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "chs-drg-1.1, 0570a28977c4af303f89066ac31f19ba97a3ba0a569fe8a893733182782350fa, 628",
            "beijing-2022, 624271b350107251dd7551734bbffab3d7a7c70e06cf45465cc8c8d0e90185ff, 696",
            "chs-drg-2.0, cfd3c5f3953425fbb769bdafdb8f714da30a8f97079d3517bcf745804570732f, 634"
    })
    void resourcesMatchTheReferenceManifest(String scheme, String manifestSha256, int drgs) throws Exception {
        String folder = "/" + SchemeCatalog.BUILT_IN_ROOT + "/" + scheme + "/";
        byte[] manifest = read(folder + "MANIFEST.tsv");
        assertThat(sha256(manifest)).as("MANIFEST.tsv of " + scheme).isEqualTo(manifestSha256);

        int checked = 0;
        String[] lines = new String(manifest, StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] cell = lines[i].split("\t", -1);
            String file = cell[0];
            if (file.startsWith("samples/")) {
                // samples are test resources of this module, checked by the conformance test's counts
                byte[] sample = read("/conformance/" + scheme + "/" + file.substring("samples/".length()));
                assertThat(sha256(sample)).as(file).isEqualTo(cell[3]);
                continue;
            }
            byte[] bytes = read(folder + file);
            assertThat(bytes.length).as(file + " bytes").isEqualTo(Integer.parseInt(cell[2]));
            assertThat(sha256(bytes)).as(file + " sha256").isEqualTo(cell[3]);
            if (!cell[1].isEmpty()) {
                long rows = new String(bytes, StandardCharsets.UTF_8).lines().count() - 1;
                assertThat(rows).as(file + " rows").isEqualTo(Long.parseLong(cell[1]));
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(16);
        assertThat(ConformanceTest.CATALOG.get(scheme).drgs()).hasSize(drgs);
    }

    private static byte[] read(String path) throws Exception {
        try (InputStream in = ShippedSchemeDataTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
