package org.openhqd.casemix.drg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The codes of one kind (diagnoses or procedures) that a scheme mentions anywhere, each given a
 * dense id at load time, with the dictionary names. The grouper resolves every code of a case
 * once through {@link #id(String)} and works on ids from then on.
 */
final class CodeTable {

    /** Id of a code that no table of the scheme mentions. */
    static final int UNKNOWN = -1;

    private final CodeIndex ids;
    private final String[] codes;
    private final String[] names;
    private final BitSet inDictionary;

    private CodeTable(CodeIndex ids, String[] codes, String[] names, BitSet inDictionary) {
        this.ids = ids;
        this.codes = codes;
        this.names = names;
        this.inDictionary = inDictionary;
    }

    int id(String code) {
        return ids.get(code);
    }

    String code(int id) {
        return codes[id];
    }

    /** Dictionary name, or null when the code is not in the scheme's dictionary. */
    String name(int id) {
        return id < 0 ? null : names[id];
    }

    boolean inDictionary(int id) {
        return id >= 0 && inDictionary.get(id);
    }

    /** Whether the scheme ships a dictionary of this kind at all (CHS-DRG 2.0 ships none). */
    boolean hasDictionary() {
        return !inDictionary.isEmpty();
    }

    int size() {
        return codes.length;
    }

    /** Codes in the dictionary, in id order (dictionary order first). */
    List<String> dictionaryCodes() {
        List<String> out = new ArrayList<>(inDictionary.cardinality());
        inDictionary.stream().forEach(i -> out.add(codes[i]));
        return out;
    }

    /** Collects codes while a scheme loads; ids are dense in order of first appearance. */
    static final class Builder {
        private final Map<String, Integer> ids = new HashMap<>(65_536);
        private final List<String> codes = new ArrayList<>(40_000);
        private final List<String> names = new ArrayList<>(40_000);
        private final BitSet inDictionary = new BitSet();

        int intern(String code) {
            Integer id = ids.get(code);
            if (id != null) {
                return id;
            }
            int next = codes.size();
            ids.put(code, next);
            codes.add(code);
            names.add(null);
            return next;
        }

        boolean hasName(String code) {
            Integer id = ids.get(code);
            return id != null && inDictionary.get(id);
        }

        void name(String code, String name) {
            int id = intern(code);
            names.set(id, name);
            inDictionary.set(id);
        }

        CodeTable build() {
            String[] all = codes.toArray(String[]::new);
            return new CodeTable(new CodeIndex(all), all,
                    names.toArray(String[]::new), (BitSet) inDictionary.clone());
        }
    }
}
