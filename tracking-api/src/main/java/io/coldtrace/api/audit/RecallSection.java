package io.coldtrace.api.audit;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.coldtrace.api.audit.AuditPdf.Cells;
import io.coldtrace.api.audit.AuditPdf.Fonts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Deque;
import java.util.Iterator;

/**
 * The report's recall case part: the case, its frozen scope's hash, the lots (listed up to {@link ReportRows#ROWS}, a
 * step at a time; beyond, counted, recall-scope.json holding every one), buyers and effectiveness.
 */
final class RecallSection {
    /** The most lots listed in one buyer's cell (a cell taller than a page would split across pages). */
    static final int BUYER_LOTS = 50;

    private RecallSection() {
    }

    /** Adds the section's stages to the report's. */
    static void plan(Deque<AuditPdf.Stage> stages, Document doc, JsonObject k, Fonts f, AuditPdf.Writing w) {
        JsonArray lots = k.getJsonObject("scope").getJsonArray("lots");
        stages.add(() -> {
            facts(doc, k, f, w);
            return true;
        });
        if (lots.size() <= ReportRows.ROWS) {
            PdfPTable t = Cells.table(f.bold(), new float[] {2, 1, 0.6f, 0.6f, 1, 0.6f}, "批次 Lot", "类别 Kind",
                    "种子 Seed", "层级 Depth", "数量 Quantity", "单位 Unit");
            Iterator<Object> each = lots.iterator();
            stages.add(w.table(t, new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return each.hasNext();
                }

                @Override
                public String[] next() {
                    JsonObject l = (JsonObject) each.next();
                    return new String[] {l.getString("code"), l.getString("kind"), l.getBoolean("seed") ? "是 yes" : "",
                        AuditPdf.text(l.getValue("depth")), AuditPdf.text(l.getValue("quantity")), l.getString("uom")};
                }
            }, 6));
        } else {
            stages.add(() -> {
                doc.add(new Paragraph("范围内共 " + lots.size() + " 个批次，超过报告列出的上限 " + ReportRows.ROWS
                        + "；每个批次（类别、层级、数量）见本包 recall-scope.json，其 SHA-256 即上面的范围哈希。 / "
                        + lots.size() + " lots in scope, more than the " + ReportRows.ROWS + " this report lists: "
                        + "every lot (kind, depth, quantity) is in recall-scope.json of this pack, whose SHA-256 is "
                        + "the scope hash above.", f.body()));
                return true;
            });
        }
        stages.add(() -> {
            buyers(doc, k, f, w);
            return true;
        });
    }

    private static void facts(Document doc, JsonObject k, Fonts f, AuditPdf.Writing w) {
        w.section("召回案例 / Recall case");
        JsonObject scope = k.getJsonObject("scope");
        PdfPTable facts = Cells.table(f.bold(), new float[] {1.3f, 4f}, "项目 Item", "内容 Value");
        Cells.row(facts, f.body(), "原因 Reason", k.getString("reason"));
        Cells.row(facts, f.body(), "类型 / 状态 Kind / status", k.getString("kind") + " / " + k.getString("status")
                + " (" + k.getString("status_at") + ")");
        Cells.row(facts, f.body(), "开立 Opened", k.getString("opened_at") + " · " + k.getString("opened_by"));
        Cells.row(facts, f.body(), "范围完成 Scope complete", k.getString("scope_computed_at") + " ("
                + k.getJsonObject("elapsed_to_scope").getValue("ms") + " ms)");
        Cells.row(facts, f.body(), "范围哈希 Scope SHA-256", k.getString("scope_sha256")
                + (k.getBoolean("scope_verified") ? " (已复核 recomputed: matches)" : " (不符 recomputed: DOES NOT MATCH)"));
        Cells.row(facts, f.body(), "批次 / 买方 Lots / buyers", scope.getJsonArray("lots").size() + " / "
                + scope.getJsonArray("buyers").size());
        doc.add(facts);
        w.section("范围内批次 / Lots in scope");
    }

    private static void buyers(Document doc, JsonObject k, Fonts f, AuditPdf.Writing w) {
        w.section("买方与有效性 / Buyers and effectiveness");
        PdfPTable buyers = Cells.table(f.bold(), new float[] {1.4f, 2.2f, 1.6f, 1.6f}, "买方 Buyer", "名称 Name",
                "批次 Lots", "确认 Acknowledged");
        JsonObject eff = k.getJsonObject("effectiveness");
        k.getJsonObject("scope").getJsonArray("buyers").forEach(o -> {
            JsonObject b = (JsonObject) o;
            StringBuilder got = new StringBuilder();
            JsonArray theirs = b.getJsonArray("lots");
            for (int i = 0; i < Math.min(BUYER_LOTS, theirs.size()); i++) {
                JsonObject l = theirs.getJsonObject(i);
                got.append(got.isEmpty() ? "" : "\n").append(l.getString("code")).append(' ')
                        .append(l.getValue("quantity")).append(' ').append(l.getString("uom"));
            }
            if (theirs.size() > BUYER_LOTS) {
                got.append("\n… +").append(theirs.size() - BUYER_LOTS).append(" (recall-scope.json)");
            }
            boolean acked = eff.getJsonArray("buyers").stream().map(JsonObject.class::cast)
                    .anyMatch(e -> e.getString("party_id").equals(b.getString("party_id"))
                            && e.getBoolean("acknowledged"));
            Cells.row(buyers, f.body(), b.getString("party_id"), b.getString("name_zh") + "\n"
                    + b.getString("name_en"), got.toString(), acked ? "已确认 yes" : "未确认 no");
        });
        doc.add(buyers);
        StringBuilder ratio = new StringBuilder("有效性 Effectiveness (returned + destroyed / shipped): ");
        eff.getJsonObject("by_uom").forEach(e -> {
            JsonObject u = (JsonObject) e.getValue();
            ratio.append(e.getKey()).append(' ').append(u.getValue("accounted")).append(" / ")
                    .append(u.getValue("shipped")).append(" = ").append(AuditPdf.text(u.getValue("ratio"))).append("  ");
        });
        doc.add(new Paragraph(ratio.toString(), f.body()));
    }
}
