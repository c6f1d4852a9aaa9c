package org.openhqd.quality;

import java.util.function.Function;
import org.openhqd.casemix.drg.Scheme;

/**
 * OPERATION_FIELD_REQUIRED — an attribute that every operation needs (手术级别, 切口等级, 愈合等级,
 * 麻醉方式; R-O3) is filled on each procedure that the scheme counts as an operating-room (valid)
 * procedure; other procedures (diagnostic, therapeutic) do not need it. Parameter: {@code attribute}.
 */
final class OperationFieldRequiredCheck implements Check {

    private final String attribute;
    private final Function<Procedure, String> getter;

    OperationFieldRequiredCheck(Params p) {
        this.attribute = p.text("attribute");
        this.getter = RecordFields.procedureAttribute(attribute);
        if (getter == null || attribute.equals("code")) {
            throw new IllegalArgumentException("unknown procedure attribute '" + attribute + "'; attributes: "
                    + RecordFields.procedureAttributes());
        }
    }

    @Override
    public String skipReason(Scheme scheme) {
        return scheme.validProcedures().isEmpty()
                ? "scheme " + scheme.info().id() + " lists no valid (operating-room) procedures" : null;
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        var procs = ctx.record.procedures();
        for (int i = 0; i < procs.size(); i++) {
            Procedure p = procs.get(i);
            if (!p.code().isEmpty() && Text.blank(getter.apply(p)) && ctx.isValidProcedure(i)) {
                hits.add("procedures[" + i + "]." + attribute, getter.apply(p), p.code());
            }
        }
    }
}
