package com.gridcare.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.rules.authoring.DecisionTableReader;
import com.gridcare.rules.authoring.RuleBuildException;
import com.gridcare.rules.authoring.Spreadsheets;
import com.gridcare.rules.publishing.ShippedRules;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Rule workbook uploads that attack the reader: a zip bomb, an XML external entity inside the xlsx, a
 * 100 MB file, a workbook of 1,000,000 rows, formulas. Each gets a 4xx with a clear message or the
 * correct answer, never a 5xx; a refused publish changes nothing (live rules, rules folder); reading
 * them stays within a bounded amount of memory.
 */
@GridCareTest
class RuleUploadAttackTest extends RuleAnalystFixture {

    private static final String TIER = "customer/tier.drl.xlsx";
    /** What reading one refused workbook may allocate at most (a 1,000,000-row sheet built in memory takes gigabytes). */
    private static final long READ_ALLOCATION_LIMIT = 96L * 1024 * 1024;


    @Test
    void aZipBombIsRefusedBeforeItIsUnpackedIntoMemory() throws IOException {
        var bomb = withPart(Spreadsheets.read(TIER), "xl/worksheets/sheet1.xml", sheet -> sheet.replace("</sheetData>",
                "</sheetData>" + " ".repeat(300 * 1024 * 1024)));
        assertThat(bomb.length).as("300 MB packed small").isLessThan(2 * 1024 * 1024);
        refused(bomb, null, "refused: it unpacks to more than 8 MB (part 'xl/worksheets/sheet1.xml')");
        assertThat(allocatedReading("zip bomb", bomb)).isLessThan(READ_ALLOCATION_LIMIT);
    }

    @Test
    void anXmlExternalEntityInsideTheXlsxIsNotResolved() throws IOException {
        var secret = Files.createTempFile("gridcare-secret", ".txt");
        Files.writeString(secret, "SECRET-OF-THE-SERVER");
        try {
            var xxe = withPart(Spreadsheets.read(TIER), "xl/worksheets/sheet1.xml", sheet -> sheet.replaceFirst(
                    "<worksheet", "<!DOCTYPE worksheet [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]><worksheet")
                    .replace(">RuleSet<", ">&secret;<"));
            var answer = refused(xxe, null, "cannot be read as a spreadsheet");
            assertThat(answer).doesNotContain("SECRET-OF-THE-SERVER");
            var inSharedStrings = withPart(Spreadsheets.read(TIER), "[Content_Types].xml", types -> types.replaceFirst(
                    "<Types", "<!DOCTYPE Types [<!ENTITY secret SYSTEM \"" + secret.toUri() + "\">]><Types"));
            assertThat(refused(inSharedStrings, null, "cannot be read as a spreadsheet")).doesNotContain("SECRET-OF-THE-SERVER");
        } finally {
            Files.delete(secret);
        }
    }

    @Test
    void aHundredMegabyteFileIsAnsweredWith413() throws Exception {
        var before = runtime.current().version();
        var folder = folderFingerprint();
        for (var path : new String[] {"/api/v1/rules/validate", "/api/v1/rules/publish"}) {
            var answer = postLarge(path, 100L * 1024 * 1024);
            assertThat(answer.statusCode()).as(path).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("Payload too large");
        }
        assertThat(runtime.current().version()).isEqualTo(before);
        assertThat(folderFingerprint()).isEqualTo(folder);
    }

    @Test
    void aWorkbookOfAMillionRowsIsRefusedWithinBoundedMemory() throws IOException {
        var million = millionRows();
        assertThat(allocatedReading("1,000,000 rows", million)).isLessThan(READ_ALLOCATION_LIMIT);
        // small enough packed to pass the upload limit, then refused by the reader
        assertThat(million.length).isLessThan(5 * 1024 * 1024);
        refused(million, null, "refused: it unpacks to more than 8 MB (part 'xl/worksheets/sheet1.xml'); a rule workbook "
                + "holds hundreds of rows, not a million");
    }

    @Test
    void aFormulaCountsWithItsSavedValueAndIsNeverCalculated() throws IOException {
        // =1000*1000 saved with its value, as a spreadsheet program saves it: the table is the shipped one
        var saved = withFormula("C12", "1000*1000", "1000000");
        var answer = analyst.postFiles("/api/v1/rules/validate", Map.of(TIER, saved));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("valid").asBoolean()).as(answer.body()).isTrue();

        // formulas GridCare would have to calculate (or could not): refused naming the cell
        refused(withFormula("C12", "WEBSERVICE(\"http://127.0.0.1:1/threshold\")", null), "C12",
                "a formula (=WEBSERVICE(\"http://127.0.0.1:1/threshold\")) without a value saved with it: GridCare does not "
                        + "calculate formulas; type the value itself");
        refused(withFormula("C12", "[1]Sheet1!A1*1", null), "C12", "a formula (=[1]Sheet1!A1*1) without a value saved");
        refused(withFormula("D11", "1/0", "#DIV/0!"), "D11", "the formula (=1/0) ends in the error #DIV/0!");
    }

    /**
     * Validate answers 200 with the problem (naming the cell when given); publish answers 422 and changes
     * nothing. Returns both bodies.
     */
    private String refused(byte[] workbook, String cell, String expected) throws IOException {
        var before = runtime.current().version();
        var folder = folderFingerprint();
        var validate = analyst.postFiles("/api/v1/rules/validate", Map.of(TIER, workbook));
        assertThat(validate.status()).as(validate.body()).isEqualTo(200);
        assertThat(validate.json().path("valid").asBoolean(true)).isFalse();
        assertThat(validate.json().path("problems")).as(validate.body()).anySatisfy(problem -> {
            assertThat(problem.path("file").asText()).isEqualTo(TIER);
            assertThat(problem.path("message").asText()).contains(expected);
            if (cell != null) assertThat(problem.path("cell").asText()).isEqualTo(cell);
        });
        var publish = analyst.postFiles("/api/v1/rules/publish", Map.of(TIER, workbook));
        assertThat(publish.status()).as(publish.body()).isEqualTo(422);
        assertThat(publish.contentType()).startsWith("application/problem+json");
        assertThat(publish.json().path("detail").asText()).startsWith("nothing changed");
        assertThat(publish.json().path("result").path("problems").toString()).contains(expected.replace("\"", "\\\""));
        assertThat(runtime.current().version()).isEqualTo(before);
        assertThat(folderFingerprint()).isEqualTo(folder);
        return validate.body() + publish.body();
    }

    /** Bytes this thread allocates reading the workbook as validation does (it is refused). */
    private static long allocatedReading(String what, byte[] workbook) {
        var threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            DecisionTableReader.read(TIER, workbook);
            throw new AssertionError("read without refusal");
        } catch (RuleBuildException expected) {
            assertThat(expected.problems()).isNotEmpty();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.printf("%s (%,d bytes packed): refused after %,d KB allocated%n", what, workbook.length, allocated / 1024);
        return allocated;
    }

    private HttpResponse<String> postLarge(String path, long size) throws Exception {
        var boundary = "----gridcare-large";
        var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"tier.drl.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() ->
                new java.io.SequenceInputStream(java.util.Collections.enumeration(java.util.List.<InputStream>of(
                        new ByteArrayInputStream(head), new ZeroStream(size), new ByteArrayInputStream(tail))))),
                head.length + size + tail.length);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestData.user(Groups.RULE_ANALYSTS) + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The workbook with one cell holding a formula and, when given, the value saved with it. */
    private static byte[] withFormula(String address, String formula, String savedValue) throws IOException {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(Spreadsheets.read(TIER)));
                var out = new ByteArrayOutputStream()) {
            var ref = new org.apache.poi.ss.util.CellReference(address);
            var cell = (XSSFCell) workbook.getSheetAt(0).getRow(ref.getRow()).getCell(ref.getCol());
            cell.setCellFormula(formula);
            var ct = cell.getCTCell();
            if (savedValue == null) {
                if (ct.isSetV()) ct.unsetV();
            } else if (savedValue.startsWith("#")) {
                ct.setT(org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType.E);
                ct.setV(savedValue);
            } else {
                ct.setV(savedValue);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The tier table with 1,000,000 more rule rows (rows without numbers may follow each other in a sheet). */
    private static byte[] millionRows() throws IOException {
        var row = "<row><c t=\"inlineStr\"><is><t>KEY: another row</t></is></c><c t=\"b\"><v>0</v></c>"
                + "<c><v>1000000</v></c><c/><c/><c t=\"inlineStr\"><is><t>KEY</t></is></c></row>";
        return withPart(Spreadsheets.read(TIER), "xl/worksheets/sheet1.xml", sheet -> sheet.replace("</sheetData>",
                row.repeat(1_000_000) + "</sheetData>"));
    }

    /** The workbook with one of its parts rewritten (the XML as text). */
    private static byte[] withPart(byte[] xlsx, String part, java.util.function.UnaryOperator<String> change) throws IOException {
        var parts = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) parts.put(entry.getName(), zip.readAllBytes());
        }
        assertThat(parts).containsKey(part);
        parts.put(part, change.apply(new String(parts.get(part), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String folderFingerprint() throws IOException {
        var digest = sha256();
        try (var files = Files.walk(ShippedRules.TEST_FOLDER)) {
            for (var file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Zeros, as many as asked, without holding them. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) return -1;
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
