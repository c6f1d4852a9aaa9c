package org.openhqd.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.Scheme;
import org.openhqd.casemix.drg.SchemeCatalog;
import org.openhqd.casemix.drg.SchemeFormatException;
import org.openhqd.casemix.drg.SchemeInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hqd drg schemes}: the shipped schemes in an aligned table. */
@Command(name = "schemes",
        versionProvider = Hqd.Version.class,
        headerHeading = "%n",
        header = "列出内置的分组方案 / List the shipped grouping schemes",
        synopsisHeading = "%n用法 / Usage: ",
        descriptionHeading = "%n",
        description = {"每行一个方案：编号、名称、版本、地区、DRG 组数（会加载每个方案）。",
            "One scheme a line: id, name, version, region, number of DRGs (each scheme is loaded)."},
        optionListHeading = "%n选项 / Options:%n")
final class SchemesCommand extends BaseCommand {

    @Mixin
    StandardOptions standard;

    @Override
    int execute() throws IOException {
        SchemeCatalog catalog = SchemeCatalog.builtIn();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"编号 id", "名称 name", "版本 version", "地区 region", "DRG 数 DRGs"});
        for (String id : catalog.ids()) {
            Scheme s;
            try {
                s = catalog.get(id);
            } catch (SchemeFormatException e) {
                throw new Failure(Failure.INPUT, e.getMessage());
            }
            SchemeInfo info = s.info();
            rows.add(new String[] {info.id(), info.name(), info.version(), info.region(),
                Integer.toString(s.drgs().size())});
        }
        PrintWriter out = out();
        for (String line : Table.render(rows, 4)) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
