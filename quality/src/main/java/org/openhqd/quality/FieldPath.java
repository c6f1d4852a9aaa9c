package org.openhqd.quality;

import java.util.List;
import java.util.function.Function;

/**
 * Where a rule looks in a record: a single-valued field ({@code discharge_type}) or an attribute
 * of diagnosis or procedure lines — {@code diagnoses[0].code} (the principal), {@code
 * diagnoses[*].code} (every line) or {@code diagnoses[1..].code} (the secondary lines). Parsed once
 * when the rule file loads, so a typo is a load error, not a silent non-finding.
 */
final class FieldPath {

    /**
     * Receives each value a path selects and its line (-1 for a single-valued field); {@link
     * #label(int)} names it for a finding. Labels are built only for hits: most values pass.
     */
    interface Visitor {
        void visit(int index, String value);
    }

    private enum Kind { SCALAR, DIAGNOSIS, PROCEDURE }

    private final String text;
    private final Kind kind;
    private final String name;
    private final Function<DischargeRecord, String> scalar;
    private final Function<Diagnosis, String> diagnosis;
    private final Function<Procedure, String> procedure;
    /** First line selected. */
    private final int from;
    /** Whether exactly one line ({@code [n]}) is selected: a missing line then reads as empty. */
    private final boolean single;

    private FieldPath(String text, Kind kind, String name, Function<DischargeRecord, String> scalar,
                      Function<Diagnosis, String> diagnosis, Function<Procedure, String> procedure, int from,
                      boolean single) {
        this.text = text;
        this.kind = kind;
        this.name = name;
        this.scalar = scalar;
        this.diagnosis = diagnosis;
        this.procedure = procedure;
        this.from = from;
        this.single = single;
    }

    /** @throws IllegalArgumentException naming the known fields when the path is not one */
    static FieldPath parse(String text) {
        String t = text.strip();
        if (RecordFields.isScalar(t)) {
            return new FieldPath(t, Kind.SCALAR, t, RecordFields.scalar(t), null, null, 0, true);
        }
        int open = t.indexOf('[');
        int close = t.indexOf("].");
        if (open > 0 && close > open) {
            String list = t.substring(0, open);
            String index = t.substring(open + 1, close);
            String attribute = t.substring(close + 2);
            int from;
            boolean single;
            if (index.equals("*")) {
                from = 0;
                single = false;
            } else if (index.matches("[0-9]{1,3}\\.\\.")) {
                from = Integer.parseInt(index.substring(0, index.length() - 2));
                single = false;
            } else if (index.matches("[0-9]{1,3}")) {
                from = Integer.parseInt(index);
                single = true;
            } else {
                throw new IllegalArgumentException("bad line selector [" + index + "] in '" + t
                        + "'; use [0], [*] or [1..]");
            }
            if (list.equals("diagnoses") && RecordFields.diagnosisAttribute(attribute) != null) {
                return new FieldPath(t, Kind.DIAGNOSIS, attribute, null, RecordFields.diagnosisAttribute(attribute),
                        null, from, single);
            }
            if (list.equals("procedures") && RecordFields.procedureAttribute(attribute) != null) {
                return new FieldPath(t, Kind.PROCEDURE, attribute, null, null,
                        RecordFields.procedureAttribute(attribute), from, single);
            }
        }
        throw new IllegalArgumentException("unknown field '" + t + "'; fields: " + RecordFields.scalarNames()
                + ", diagnoses[i]." + RecordFields.diagnosisAttributes() + ", procedures[i]."
                + RecordFields.procedureAttributes() + " with i = 0, * or 1..");
    }

    void forEach(DischargeRecord r, Visitor v) {
        switch (kind) {
            case SCALAR -> v.visit(-1, scalar.apply(r));
            case DIAGNOSIS -> visitLines(r.diagnoses(), diagnosis, v);
            case PROCEDURE -> visitLines(r.procedures(), procedure, v);
        }
    }

    private <T> void visitLines(List<T> lines, Function<T, String> attribute, Visitor v) {
        if (single) {
            v.visit(from, from < lines.size() ? attribute.apply(lines.get(from)) : "");
            return;
        }
        for (int i = from; i < lines.size(); i++) {
            v.visit(i, attribute.apply(lines.get(i)));
        }
    }

    /** The label findings show for a visited value, e.g. {@code diagnoses[2].code} or {@code sex}. */
    String label(int index) {
        return switch (kind) {
            case SCALAR -> text;
            case DIAGNOSIS -> "diagnoses[" + index + "]." + name;
            case PROCEDURE -> "procedures[" + index + "]." + name;
        };
    }

    /** The base field name, e.g. {@code patient_id_number} or {@code code}. */
    String name() {
        return name;
    }

    boolean isList() {
        return kind != Kind.SCALAR;
    }

    @Override
    public String toString() {
        return text;
    }
}
