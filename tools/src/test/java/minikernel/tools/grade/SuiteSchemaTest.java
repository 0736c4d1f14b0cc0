package minikernel.tools.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/suite.schema.json (for editors and for course staff's own checks) says what Suite.load
 * accepts: the example suites are valid under it, it names exactly the loader's fields at every
 * level, and a suite the loader refuses for an unknown field or both exit and signal is invalid.
 */
class SuiteSchemaTest {
    private static final Path ROOT = Path.of(System.getProperty("minikernel.root", "../.."));
    private static final Path SCHEMA = ROOT.resolve("docs/suite.schema.json");

    private static Schema schema() throws Exception {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(Files.readString(SCHEMA));
    }

    @Test
    void theExampleSuitesAreValid() throws Exception {
        Schema schema = schema();
        for (String lab : List.of("threads", "processes", "kernel")) {
            Path suite = ROOT.resolve("tests/labs").resolve(lab).resolve("suite.json");
            var errors = schema.validate(Files.readString(suite), InputFormat.JSON);
            assertTrue(errors.isEmpty(), lab + ": " + errors);
            Suite.load(suite);
        }
    }

    @Test
    void theSchemaNamesTheLoadersFields() throws Exception {
        JsonNode s = new ObjectMapper().readTree(SCHEMA.toFile());
        assertEquals(Suite.TOP, names(s.get("properties")));
        assertEquals(Suite.DEFAULTS, names(s.at("/properties/defaults/properties")));
        assertEquals(Suite.TEST, names(s.at("/$defs/test/properties")));
        assertEquals(Suite.EXPECT, names(s.at("/$defs/test/properties/expect/properties")));
    }

    @Test
    void whatTheLoaderRefusesTheSchemaRefusesToo() throws Exception {
        Schema schema = schema();
        String unknown = "{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"sources\": [\"a.c\"], \"expect\": {\"exitt\": 0}}]}";
        String both = "{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"sources\": [\"a.c\"],"
                + " \"expect\": {\"exit\": 0, \"signal\": \"SIGSEGV\"}}]}";
        String seeds = "{\"name\": \"x\", \"tests\": [{\"name\": \"t\", \"seeds\": \"1-x\", \"elf\": \"p\", \"expect\": {}}]}";
        for (String bad : List.of(unknown, both, seeds)) {
            assertFalse(schema.validate(bad, InputFormat.JSON).isEmpty(), bad);
        }
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> out = new HashSet<>();
        properties.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
