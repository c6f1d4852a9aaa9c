package org.openhqd.casemix.drg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemes shipped with OpenHQD (class-path folders listed in
 * {@code org/openhqd/casemix/schemes/index.tsv}) plus any scheme folder on disk. Adding a scheme
 * is adding a folder and a line to the index: no Java. Schemes load lazily, once per catalog.
 */
public final class SchemeCatalog {

    public static final String BUILT_IN_ROOT = "org/openhqd/casemix/schemes";

    private final ClassLoader loader;
    private final String root;
    private final List<Entry> entries;
    private final Map<String, Scheme> loaded = new ConcurrentHashMap<>();

    private record Entry(String id, String folder) {
    }

    private SchemeCatalog(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
        Tsv index = Tsv.read(SchemeSource.classpath(loader, root), root, "index.tsv", true);
        int cId = index.requiredColumn("id");
        int cFolder = index.requiredColumn("folder");
        List<Entry> list = new ArrayList<>();
        for (String[] row : index.rows) {
            list.add(new Entry(row[cId], row[cFolder]));
        }
        this.entries = List.copyOf(list);
    }

    /** The schemes shipped in the casemix library. */
    public static SchemeCatalog builtIn() {
        return new SchemeCatalog(SchemeCatalog.class.getClassLoader(), BUILT_IN_ROOT);
    }

    /** A catalog of class-path scheme folders under {@code root}, indexed by {@code root/index.tsv}. */
    public static SchemeCatalog classpath(ClassLoader loader, String root) {
        return new SchemeCatalog(loader, root);
    }

    /** Ids of the schemes in this catalog, in index order. */
    public List<String> ids() {
        return entries.stream().map(Entry::id).toList();
    }

    /**
     * The scheme with this id, or, when {@code idOrPath} names a folder on disk, the scheme in that
     * folder.
     *
     * @throws SchemeFormatException when the scheme's files are malformed
     */
    public Optional<Scheme> find(String idOrPath) {
        for (Entry e : entries) {
            if (e.id().equals(idOrPath)) {
                return Optional.of(loaded.computeIfAbsent(e.id(),
                        id -> SchemeLoader.load(SchemeSource.classpath(loader, root + "/" + e.folder()), id)));
            }
        }
        Path dir = Path.of(idOrPath);
        if (Files.isDirectory(dir)) {
            return Optional.of(SchemeLoader.load(SchemeSource.directory(dir), dir.getFileName().toString()));
        }
        return Optional.empty();
    }

    /** Like {@link #find} but fails with the list of known schemes. */
    public Scheme get(String idOrPath) {
        return find(idOrPath).orElseThrow(() -> new IllegalArgumentException(
                "未知的分组方案 '" + idOrPath + "'，可用：" + ids() + " / unknown scheme '" + idOrPath
                        + "'; available: " + ids() + " (or the path of a scheme folder)"));
    }
}
