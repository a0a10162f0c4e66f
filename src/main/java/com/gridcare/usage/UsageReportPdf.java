package com.gridcare.usage;

import com.gridcare.customer.CustomerRepository;
import com.gridcare.notification.Attachment;
import com.gridcare.notification.AttachmentSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * A usage report as a PDF (Apache PDFBox), in Chinese and English, with the subset of the Chinese font it
 * uses embedded: {@code fonts/DroidSansFallback-GB2312.ttf}, Droid Sans Fallback (Apache License 2.0)
 * cut down to the GB 2312 characters and CJK punctuation (about 1 MB); Latin text is set in Helvetica, a
 * standard PDF font. A character neither has prints as {@code ?}. Made when the e-mail is sent ({@link AttachmentSource}), so the outbox keeps only a reference.
 */
@Component
class UsageReportPdf implements AttachmentSource {

    static final String FONT = "fonts/DroidSansFallback-GB2312.ttf";
    private static final float MARGIN = 50;
    private static final float LINE = 16;
    private static final org.apache.pdfbox.pdmodel.font.PDFont LATIN =
            new org.apache.pdfbox.pdmodel.font.PDType1Font(org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);

    private final UsageReports reports;
    private final CustomerRepository customers;

    UsageReportPdf(UsageReports reports, CustomerRepository customers) {
        this.reports = reports;
        this.customers = customers;
    }

    @Override
    public Optional<Attachment> attachment(String ref) {
        if (ref == null || !ref.startsWith(UsageReports.ATTACHMENT_PREFIX)) return Optional.empty();
        var rest = ref.substring(UsageReports.ATTACHMENT_PREFIX.length());
        var colon = rest.lastIndexOf(':');
        if (colon < 0) return Optional.empty();
        var report = reports.report(rest.substring(0, colon), rest.substring(colon + 1));
        return Optional.of(new Attachment("usage-report-" + report.period() + ".pdf", "application/pdf", pdf(report)));
    }

    /** The report as a PDF document. */
    byte[] pdf(UsageReport report) {
        var name = customers.find(report.customerId()).map(c -> c.name()).orElse(report.customerId());
        try (var document = new PDDocument(); InputStream fontFile = new ClassPathResource(FONT).getInputStream()) {
            var font = PDType0Font.load(document, fontFile, true);
            var lines = lines(report, name);
            var page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            var out = new PDPageContentStream(document, page);
            float y = page.getMediaBox().getHeight() - MARGIN;
            for (var line : lines) {
                if (y < MARGIN) {
                    out.close();
                    page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    out = new PDPageContentStream(document, page);
                    y = page.getMediaBox().getHeight() - MARGIN;
                }
                out.beginText();
                out.newLineAtOffset(MARGIN, y);
                for (var run : runs(font, line.text())) {
                    out.setFont(run.chinese() ? font : LATIN, line.size());
                    out.showText(run.text());
                }
                out.endText();
                y -= line.size() + (LINE - 11);
            }
            out.close();
            document.getDocumentInformation().setTitle("GridCare usage report " + report.period());
            var bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("usage report PDF of " + report.customerId() + " " + report.period(), e);
        }
    }

    private record Line(String text, float size) {}

    private static List<Line> lines(UsageReport r, String name) {
        var lines = new ArrayList<Line>();
        lines.add(new Line("国网 GridCare 用电报告 / Usage report " + r.period(), 16));
        lines.add(new Line("客户 Customer: " + name + " (" + r.customerId() + ")", 11));
        lines.add(new Line("", 11));
        lines.add(new Line("本期用电 Consumption: " + kwh(r.kwh()) + " kWh", 12));
        lines.add(new Line("去年同期 Same period last year: " + kwh(r.kwhLastYear()) + " kWh  ("
                + UsageReports.change(r.changeLastYearPercent()) + ")", 11));
        lines.add(new Line("同类用户中位数 Median of " + r.customerClass() + " / " + r.area() + ": "
                + kwh(r.classMedianKwh()) + " kWh  (" + UsageReports.change(r.changeMedianPercent()) + ")", 11));
        lines.add(new Line("用电高峰季节 Peak season: " + season(r.peakSeason()), 11));
        lines.add(new Line("", 11));
        lines.add(new Line("用电最多的月份 Peak months", 12));
        for (var m : r.peakMonths()) lines.add(new Line("  " + m.month() + "  " + kwh(m.kwh()) + " kWh", 11));
        lines.add(new Line("", 11));
        lines.add(new Line("账单记录 Bills (近 12 个月 last 12 months)", 12));
        for (var b : r.bills()) {
            lines.add(new Line("  " + b.month() + "  " + kwh(b.kwh()) + " kWh  " + money(b.billedAmount()) + " 元 CNY  "
                    + (Boolean.TRUE.equals(b.paidOnTime()) ? "按时缴费 paid on time" : "逾期 paid late"), 11));
        }
        lines.add(new Line("", 11));
        lines.add(new Line("用电建议 Advice", 12));
        if (r.advice().isEmpty()) lines.add(new Line("  暂无 None this time.", 11));
        for (var tip : r.advice()) {
            lines.add(new Line("• " + tip.zh(), 11));
            for (var part : wrap(tip.en(), 90)) lines.add(new Line("  " + part, 10));
        }
        return lines;
    }

    private static String season(PeakSeason season) {
        return switch (season) {
            case SUMMER -> "夏季 summer";
            case WINTER -> "冬季 winter";
            case NONE -> "无明显高峰 none";
        };
    }

    private static List<String> wrap(String text, int width) {
        var parts = new ArrayList<String>();
        var line = new StringBuilder();
        for (var word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
                parts.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) line.append(' ');
            line.append(word);
        }
        if (!line.isEmpty()) parts.add(line.toString());
        return parts;
    }

    static String kwh(BigDecimal kwh) {
        return kwh == null ? "—" : UsageReports.kwh(kwh);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "—" : String.format(java.util.Locale.ROOT, "%,.2f", amount);
    }

    private record Run(String text, boolean chinese) {}

    /**
     * The text in runs of one font: Latin letters, digits and Western punctuation in Helvetica (one of the
     * standard fonts every PDF reader has; Droid Sans Fallback has no Latin glyphs), the rest in the embedded
     * Chinese font; a character neither has prints as {@code ?}.
     */
    private static List<Run> runs(PDType0Font chinese, String text) {
        var runs = new ArrayList<Run>();
        var current = new StringBuilder();
        Boolean inChinese = null;
        for (var cp : text.codePoints().toArray()) {
            var ch = new String(Character.toChars(cp));
            boolean useChinese;
            if (encodes(LATIN, ch)) {
                useChinese = false;
            } else if (encodes(chinese, ch)) {
                useChinese = true;
            } else {
                useChinese = false;
                ch = "?";
            }
            if (inChinese != null && inChinese != useChinese) {
                runs.add(new Run(current.toString(), inChinese));
                current.setLength(0);
            }
            inChinese = useChinese;
            current.append(ch);
        }
        if (!current.isEmpty()) runs.add(new Run(current.toString(), inChinese));
        return runs;
    }

    private static boolean encodes(org.apache.pdfbox.pdmodel.font.PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
