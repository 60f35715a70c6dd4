package org.bmsworkbench.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./bmsw export} of a session recorded by {@code ./bmsw record}, checked by programs nobody here wrote:
 * Debian's {@code python3-openpyxl} reads our XLSX (sheets, header, numeric and date-time cells, row count) and
 * LibreOffice headless converts its first sheet to CSV with the same values as our own CSV export.
 */
class ExportIT {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path DIR = Bmsw.WORK.resolve("export");
    private static Path session;

    @BeforeAll
    static void record() throws Exception {
        if (Files.isDirectory(DIR)) {
            try (Stream<Path> old = Files.walk(DIR)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path folder = DIR.resolve("recordings");
        try (Bmsw.Run run = Bmsw.bmsw("export-record", "record", "--bus", "sim:2,cells=16,temps=4,interval=200",
                "--folder", folder.toString(), "--seconds", "3")) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(120)), run.text());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sessions = files.filter(p -> p.getFileName().toString().endsWith(".sqlite")).toList();
            assertEquals(1, sessions.size(), "one session in " + folder);
            session = sessions.get(0);
        }
    }

    private static String export(String name, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("export", "--recording", session.toString()));
        all.addAll(List.of(args));
        try (Bmsw.Run run = Bmsw.bmsw(name, all.toArray(String[]::new))) {
            assertEquals(0, run.waitFor(Duration.ofSeconds(120)), run.text());
            return run.text();
        }
    }

    private static List<String[]> csv(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(splitCsv(line));
        }
        return rows;
    }

    /** Splits one CSV line of comma-separated fields, some in double quotes (no line breaks in our fields). */
    private static String[] splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        fields.add(f.toString());
        return fields.toArray(String[]::new);
    }

    @Test
    void openpyxlAndLibreOfficeReadOurWorkbookAsOurCsvSaysItIs() throws Exception {
        Path xlsx = DIR.resolve("session.xlsx");
        Path ours = DIR.resolve("session.csv");
        String said = export("export-xlsx", "--format", "xlsx", "--out", xlsx.toString());
        assertTrue(said.contains("rows of 2 packs (xlsx)"), said);
        export("export-csv", "--format", "csv", "--out", ours.toString());
        List<String[]> csv = csv(ours);
        assertTrue(csv.size() - 1 >= 10, "3 s of 2 packs polled every 200 ms: " + (csv.size() - 1) + " rows");

        Path script = DIR.resolve("read.py");
        Files.writeString(script, String.join("\n",
                "import sys, openpyxl",
                "wb = openpyxl.load_workbook(sys.argv[1])",
                "for ws in wb.worksheets:",
                "    rows = list(ws.iter_rows(values_only=True))",
                "    print('SHEET', ws.title, len(rows) - 1, ws.freeze_panes)",
                "    print('HEADER', '|'.join(str(v) for v in rows[0]))",
                "    print('TYPES', '|'.join(type(v).__name__ for v in rows[1][:12]))",
                "    print('FIRST', int(rows[1][0]), rows[1][1].isoformat(timespec='milliseconds'), rows[1][2])",
                ""));
        String py = Bmsw.output(Duration.ofSeconds(60), PYTHON, script.toString(), xlsx.toString());
        assertTrue(py.contains("SHEET PackNo.01 "), "openpyxl (python3-openpyxl) reads the workbook:\n" + py);
        List<String> lines = py.lines().toList();
        int sheets = 0;
        for (String l : lines) {
            if (l.startsWith("SHEET ")) {
                String[] f = l.split(" ");
                String address = String.valueOf(Integer.parseInt(f[1].substring("PackNo.".length())));
                assertEquals(count(csv, address), Integer.parseInt(f[2]), "the rows of pack " + address + ":\n" + py);
                assertEquals("A2", f[3], "the header row is frozen: " + l);
                sheets++;
            }
        }
        assertEquals(2, sheets, py);
        String header = lines.stream().filter(l -> l.startsWith("HEADER ")).findFirst().orElseThrow();
        assertEquals(String.join("|", csv.get(0)), header.substring("HEADER ".length()), "same header in both");
        assertTrue(header.contains("|Pack voltage (V)|Pack current (A)|"), header);
        String types = lines.stream().filter(l -> l.startsWith("TYPES ")).findFirst().orElseThrow();
        // openpyxl reads a whole number stored as a double (our PackNo 1.0) as float, as Excel stores it
        assertTrue(types.matches("TYPES (int|float)\\|datetime\\|float\\|float\\|.*"),
                "numbers are numbers, the time a date-time: " + types);
        String first = lines.stream().filter(l -> l.startsWith("FIRST ")).findFirst().orElseThrow();
        String[] firstCsv = csv.get(1);
        assertEquals("FIRST " + firstCsv[0] + " " + firstCsv[1], first.substring(0, first.lastIndexOf(' ')),
                "the same date-time to the millisecond");
        assertEquals(Double.parseDouble(firstCsv[2]), Double.parseDouble(first.substring(first.lastIndexOf(' ') + 1)),
                1e-9);

        // LibreOffice converts the first sheet (PackNo.01), showing each cell as its format says
        Path lo = Files.createDirectories(DIR.resolve("libreoffice"));
        String converted = Bmsw.output(Duration.ofSeconds(180), "soffice",
                "-env:UserInstallation=file://" + DIR.resolve("lo-profile"), "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", lo.toString(), xlsx.toString());
        Path loCsv = lo.resolve("session.csv");
        assertTrue(Files.isRegularFile(loCsv), "soffice (libreoffice-calc-nogui) converted the workbook:\n" + converted);
        List<String[]> theirs = csv(loCsv);
        List<String[]> pack1 = csv.stream().filter(r -> r[0].equals("1") || r == csv.get(0)).toList();
        assertEquals(pack1.size(), theirs.size(), "LibreOffice's rows of PackNo.01");
        assertEquals(String.join("|", pack1.get(0)), String.join("|", theirs.get(0)));
        for (int r = 1; r < theirs.size(); r++) {
            String[] a = pack1.get(r);
            String[] b = theirs.get(r);
            assertEquals(a.length, b.length, "row " + r);
            for (int c = 0; c < a.length; c++) {
                String where = "row " + r + " column " + pack1.get(0)[c] + ": ours '" + a[c] + "', LibreOffice '"
                        + b[c] + "'";
                if (c == 1) {
                    assertEquals(a[c].replace('T', ' '), b[c], where);
                } else if (a[c].isEmpty() || c == a.length - 1) {
                    assertEquals(a[c], b[c], where);
                } else {
                    assertEquals(Double.parseDouble(a[c]), Double.parseDouble(b[c]),
                            Math.abs(Double.parseDouble(a[c])) * 1e-9, where);
                }
            }
        }
    }

    private static int count(List<String[]> csv, String packNo) {
        return (int) csv.stream().filter(r -> r[0].equals(packNo)).count();
    }

    @Test
    void wrongOptionsExit2AndAnUnreadableRecordingExits1() throws Exception {
        try (Bmsw.Run run = Bmsw.bmsw("export-wrong", "export", "--recording", session.toString(), "--format", "pdf",
                "--out", DIR.resolve("x.pdf").toString())) {
            assertEquals(2, run.waitFor(Duration.ofSeconds(60)), run.text());
            assertTrue(run.text().startsWith("bmsw export: --format pdf: use xlsx or csv"), run.text());
        }
        Path junk = Files.writeString(DIR.resolve("junk.sqlite"), "not a session");
        try (Bmsw.Run run = Bmsw.bmsw("export-junk", "export", "--recording", junk.toString(), "--format", "csv",
                "--out", DIR.resolve("junk.csv").toString())) {
            assertEquals(1, run.waitFor(Duration.ofSeconds(60)), run.text());
            assertTrue(run.text().startsWith("bmsw export: cannot open the recording "), run.text());
            assertTrue(!Files.exists(DIR.resolve("junk.csv")));
        }
    }
}
