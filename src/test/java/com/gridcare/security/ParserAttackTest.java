package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Files made to break the parsers, through the doors they come in by: BPMN models deployed over
 * {@code /engine-rest} by an administrator, rule files uploaded by an analyst. Each is refused with
 * a 4xx (or a validation report), never a 5xx, a hang, a read of a local file or an exhausted heap.
 */
@GridCareTest
class ParserAttackTest {

    private static final String SECRET_FILE = "file:///etc/passwd";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    RepositoryService repository;

    @BeforeEach
    void users() {
        testData.users();
    }

    private static String process(String prolog, String inner) {
        return prolog + """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="parser-attack" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_1" name="%s"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(inner);
    }

    private static Map<String, byte[]> models() {
        var models = new LinkedHashMap<String, byte[]>();
        models.put("external entity", process("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"" + SECRET_FILE
                + "\">]>", "&x;").getBytes(StandardCharsets.UTF_8));
        models.put("parameter entity", process("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY % p SYSTEM \""
                + "http://127.0.0.1:1/evil.dtd\"> %p;]>", "x").getBytes(StandardCharsets.UTF_8));
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        models.put("billion laughs", process(laughs + "]>", "&l9;").getBytes(StandardCharsets.UTF_8));
        models.put("deep nesting", ("<?xml version=\"1.0\"?>" + "<a>".repeat(100_000) + "</a>".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8));
        models.put("truncated", process("<?xml version=\"1.0\"?>", "x").substring(0, 200).getBytes(StandardCharsets.UTF_8));
        models.put("not xml", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe});
        models.put("groovy script", process("<?xml version=\"1.0\"?>", "x").replace("<bpmn:startEvent id=\"StartEvent_1\" name=\"x\"/>",
                "<bpmn:scriptTask id=\"Task_1\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>")
                .getBytes(StandardCharsets.UTF_8));
        return models;
    }

    @Test
    void brokenModelsAreRefusedWithA4xx() {
        var admin = Api.at(port).as(Groups.ADMINS);
        models().forEach((attack, bytes) -> {
            var answer = admin.postFiles("/engine-rest/deployment/create", Map.of("parser-attack.bpmn", bytes),
                    "deployment-name", "parser-attack");
            assertThat(answer.status()).as("%s: %s", attack, abbreviate(answer.body())).isBetween(400, 499);
            assertThat(answer.body()).as(attack).doesNotContain("root:x:0:0");
        });
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("parser-attack").count()).isZero();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] workbook(String sheetXml) throws IOException {
        var types = """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                </Types>""";
        var rels = """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""";
        var workbook = """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Rules" sheetId="1" r:id="rId1"/></sheets></workbook>""";
        var workbookRels = """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                </Relationships>""";
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("[Content_Types].xml", types.getBytes(StandardCharsets.UTF_8));
        entries.put("_rels/.rels", rels.getBytes(StandardCharsets.UTF_8));
        entries.put("xl/workbook.xml", workbook.getBytes(StandardCharsets.UTF_8));
        entries.put("xl/_rels/workbook.xml.rels", workbookRels.getBytes(StandardCharsets.UTF_8));
        entries.put("xl/worksheets/sheet1.xml", sheetXml.getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    @Test
    void brokenRuleFilesAreRefusedWithoutA5xx() throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("xxe.drl.xlsx", workbook("<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"" + SECRET_FILE
                + "\">]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
                + "<c r=\"A1\" t=\"inlineStr\"><is><t>&x;</t></is></c></row></sheetData></worksheet>"));
        // 200 MB of zeros in a few hundred kilobytes: the reader must give up, not fill the heap
        files.put("bomb.drl.xlsx", zip(Map.of("[Content_Types].xml", new byte[200 * 1024 * 1024])));
        files.put("truncated.drl.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0});
        files.put("unbalanced.drl", "package customer; rule \"r\" when $c : Customer( (((( ) then end".getBytes(StandardCharsets.UTF_8));
        // a runaway: every firing makes it fire again; the firing cap stops it and the examples fail
        files.put("loop.drl", ("package customer;\nrule \"r\" when $o : Object() then insert(new Object()); end\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("java.drl", ("package customer;\nimport java.lang.Runtime;\nrule \"r\" when then Runtime.getRuntime().exec(\"id\"); end\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("bad.drl.csv", ("\"unterminated,\n" + ",".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8));
        var analyst = Api.at(port).as(Groups.RULE_ANALYSTS);
        for (var file : files.entrySet()) {
            var answer = analyst.postFiles("/api/v1/rules/validate", Map.of(file.getKey(), file.getValue()),
                    "package", "customer");
            assertThat(answer.status()).as("%s: %s", file.getKey(), abbreviate(answer.body())).isLessThan(500);
            assertThat(answer.body()).as(file.getKey()).doesNotContain("root:x:0:0");
            if (answer.status() == 200) {
                assertThat(answer.json().path("valid").asBoolean(true)).as("%s passes validation: %s", file.getKey(),
                        abbreviate(answer.body())).isFalse();
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
