package io.coldtrace.api.audit;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import io.coldtrace.api.audit.AuditPdf.Cells;
import io.vertx.core.json.JsonObject;

/** The report's recall case part: the case, its frozen scope's hash, the lots, buyers and effectiveness. */
final class RecallSection {
    private RecallSection() {
    }

    static void add(Document doc, JsonObject k, Font h2, Font body, Font bold) {
        heading(doc, "召回案例 / Recall case", h2);
        JsonObject scope = k.getJsonObject("scope");
        PdfPTable facts = Cells.table(bold, new float[] {1.3f, 4f}, "项目 Item", "内容 Value");
        Cells.row(facts, body, "原因 Reason", k.getString("reason"));
        Cells.row(facts, body, "类型 / 状态 Kind / status", k.getString("kind") + " / " + k.getString("status")
                + " (" + k.getString("status_at") + ")");
        Cells.row(facts, body, "开立 Opened", k.getString("opened_at") + " · " + k.getString("opened_by"));
        Cells.row(facts, body, "范围完成 Scope complete", k.getString("scope_computed_at") + " ("
                + k.getJsonObject("elapsed_to_scope").getValue("ms") + " ms)");
        Cells.row(facts, body, "范围哈希 Scope SHA-256", k.getString("scope_sha256") + (k.getBoolean("scope_verified")
                ? " (已复核 recomputed: matches)" : " (不符 recomputed: DOES NOT MATCH)"));
        Cells.row(facts, body, "批次 / 买方 Lots / buyers", scope.getJsonArray("lots").size() + " / "
                + scope.getJsonArray("buyers").size());
        doc.add(facts);

        heading(doc, "范围内批次 / Lots in scope", h2);
        PdfPTable lots = Cells.table(bold, new float[] {2, 1, 0.6f, 0.6f, 1, 0.6f}, "批次 Lot", "类别 Kind",
                "种子 Seed", "层级 Depth", "数量 Quantity", "单位 Unit");
        scope.getJsonArray("lots").forEach(o -> {
            JsonObject l = (JsonObject) o;
            Cells.row(lots, body, l.getString("code"), l.getString("kind"), l.getBoolean("seed") ? "是 yes" : "",
                    AuditPdf.text(l.getValue("depth")), AuditPdf.text(l.getValue("quantity")), l.getString("uom"));
        });
        doc.add(lots);

        heading(doc, "买方与有效性 / Buyers and effectiveness", h2);
        PdfPTable buyers = Cells.table(bold, new float[] {1.4f, 2.2f, 1.6f, 1.6f}, "买方 Buyer", "名称 Name",
                "批次 Lots", "确认 Acknowledged");
        JsonObject eff = k.getJsonObject("effectiveness");
        scope.getJsonArray("buyers").forEach(o -> {
            JsonObject b = (JsonObject) o;
            StringBuilder got = new StringBuilder();
            b.getJsonArray("lots").forEach(x -> {
                JsonObject l = (JsonObject) x;
                got.append(got.isEmpty() ? "" : "\n").append(l.getString("code")).append(' ')
                        .append(l.getValue("quantity")).append(' ').append(l.getString("uom"));
            });
            boolean acked = eff.getJsonArray("buyers").stream().map(JsonObject.class::cast)
                    .anyMatch(e -> e.getString("party_id").equals(b.getString("party_id"))
                            && e.getBoolean("acknowledged"));
            Cells.row(buyers, body, b.getString("party_id"), b.getString("name_zh") + "\n" + b.getString("name_en"),
                    got.toString(), acked ? "已确认 yes" : "未确认 no");
        });
        doc.add(buyers);
        StringBuilder ratio = new StringBuilder("有效性 Effectiveness (returned + destroyed / shipped): ");
        eff.getJsonObject("by_uom").forEach(e -> {
            JsonObject u = (JsonObject) e.getValue();
            ratio.append(e.getKey()).append(' ').append(u.getValue("accounted")).append(" / ")
                    .append(u.getValue("shipped")).append(" = ").append(AuditPdf.text(u.getValue("ratio"))).append("  ");
        });
        doc.add(new Paragraph(ratio.toString(), body));
    }

    private static void heading(Document doc, String text, Font h2) {
        Cells.heading(doc, text, h2);
    }
}
