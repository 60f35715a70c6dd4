package org.bmsworkbench.parameters;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import org.bmsworkbench.model.ParameterDefinition;

/**
 * Exports and imports parameter files in the versioned JSON format of docs/parameter-files.md, with Gson. Import
 * fills entered values only (nothing is sent until Write) and a file that cannot be read changes nothing.
 */
public final class ParameterFiles {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ParameterFiles() {
    }

    /** The sheet's entered values as a file of the protocol {@code protocolId}. */
    public static ParameterFile export(ParameterSheet sheet, String protocolId, PackIdentity pack, Instant savedAt) {
        List<ParameterFile.Entry> entries = new ArrayList<>();
        for (ParameterRow r : sheet.rows()) {
            if (!Double.isNaN(r.enteredValue())) {
                ParameterDefinition d = r.definition();
                entries.add(new ParameterFile.Entry(d.key(), d.unit(), d.isChoice() ? r.enteredValue()
                        : Double.parseDouble(Values.number(d, r.enteredValue())), Values.format(d, r.enteredValue())));
            }
        }
        return new ParameterFile(ParameterFile.FORMAT_VERSION, protocolId, ParameterFile.mapVersion(sheet.definitions()),
                pack, savedAt, entries);
    }

    public static void write(ParameterFile file, Writer out) throws IOException {
        Json json = new Json();
        json.format = "bmsworkbench-parameters";
        json.formatVersion = file.formatVersion();
        json.protocol = file.protocolId();
        json.mapVersion = file.mapVersion();
        json.savedAt = file.savedAt().toString();
        json.pack = new JsonPack();
        json.pack.model = file.pack().model();
        json.pack.barCode = file.pack().barCode();
        json.pack.cellCount = file.pack().cellCount();
        json.pack.sensorCount = file.pack().sensorCount();
        json.parameters = new ArrayList<>();
        for (ParameterFile.Entry e : file.values()) {
            JsonValue v = new JsonValue();
            v.key = e.key();
            v.unit = e.unit();
            v.value = e.value();
            v.text = e.text();
            json.parameters.add(v);
        }
        GSON.toJson(json, out);
        out.flush();
    }

    /** @throws ParameterFileException naming the line or field when the text is not a parameter file of this format */
    public static ParameterFile read(Reader in) throws ParameterFileException {
        Json json;
        try {
            json = GSON.fromJson(in, Json.class);
        } catch (JsonParseException e) {
            throw new ParameterFileException("not a parameter file: " + e.getMessage(), e);
        }
        if (json == null) {
            throw new ParameterFileException("not a parameter file: the file is empty");
        }
        if (!"bmsworkbench-parameters".equals(json.format)) {
            throw new ParameterFileException("not a parameter file: \"format\" is not \"bmsworkbench-parameters\"");
        }
        if (json.formatVersion == null || json.formatVersion != ParameterFile.FORMAT_VERSION) {
            throw new ParameterFileException("parameter file format version " + json.formatVersion
                    + " cannot be read; this program reads version " + ParameterFile.FORMAT_VERSION);
        }
        require(json.protocol, "protocol");
        require(json.parameters, "parameters");
        Instant savedAt;
        try {
            savedAt = json.savedAt == null ? Instant.EPOCH : Instant.parse(json.savedAt);
        } catch (DateTimeParseException e) {
            throw new ParameterFileException("\"savedAt\" is not a time: " + json.savedAt, e);
        }
        JsonPack p = json.pack == null ? new JsonPack() : json.pack;
        List<ParameterFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < json.parameters.size(); i++) {
            JsonValue v = json.parameters.get(i);
            if (v == null || v.key == null || v.value == null) {
                throw new ParameterFileException("parameter " + (i + 1) + " of the file has no \"key\" or no \"value\"");
            }
            entries.add(new ParameterFile.Entry(v.key, v.unit == null ? "" : v.unit, v.value, v.text == null ? "" : v.text));
        }
        return new ParameterFile(json.formatVersion, json.protocol, json.mapVersion == null ? "" : json.mapVersion,
                new PackIdentity(p.model, p.barCode, p.cellCount == null ? 0 : p.cellCount,
                        p.sensorCount == null ? 0 : p.sensorCount), savedAt, entries);
    }

    private static void require(Object value, String field) throws ParameterFileException {
        if (value == null) {
            throw new ParameterFileException("not a parameter file: \"" + field + "\" is missing");
        }
    }

    /**
     * Enters the file's values into the sheet. Refused as a whole (sheet unchanged) when the file is of another
     * protocol, or of another cell count than {@code cellCount} (0: unknown, not checked). Otherwise every value
     * of a known parameter, in the row's unit and inside its range, is entered; unknown names, other units and
     * values out of range are listed and left out. A different map version is listed but does not stop the import.
     */
    public static ImportReport importInto(ParameterSheet sheet, ParameterFile file, String protocolId, int cellCount) {
        List<String> problems = new ArrayList<>();
        if (!file.protocolId().equals(protocolId)) {
            problems.add("protocol: the file is for " + file.protocolId() + ", this pack speaks " + protocolId);
            return new ImportReport(false, 0, problems);
        }
        if (cellCount > 0 && file.pack().cellCount() > 0 && file.pack().cellCount() != cellCount) {
            problems.add("cellCount: the file is for " + file.pack().cellCount() + " cells, this pack has " + cellCount);
            return new ImportReport(false, 0, problems);
        }
        if (!file.mapVersion().isEmpty() && !file.mapVersion().equals(ParameterFile.mapVersion(sheet.definitions()))) {
            problems.add("mapVersion: the file was saved with map " + file.mapVersion() + ", this page is "
                    + ParameterFile.mapVersion(sheet.definitions()) + "; values are matched by name");
        }
        Map<String, Double> accepted = new LinkedHashMap<>();
        for (ParameterFile.Entry e : file.values()) {
            if (!sheet.has(e.key())) {
                problems.add(e.key() + ": no such parameter on this page");
                continue;
            }
            if (ParameterSheet.ownToThePack(e.key())) {
                problems.add(e.key() + ": left as it is; a pack keeps its own bus address, it is never taken from a file");
                continue;
            }
            ParameterDefinition d = sheet.row(e.key()).definition();
            if (!d.unit().equals(e.unit())) {
                problems.add(e.key() + ": the file gives " + (e.unit().isEmpty() ? "no unit" : e.unit())
                        + ", the page uses " + (d.unit().isEmpty() ? "no unit" : d.unit()));
                continue;
            }
            String p = d.isChoice() ? (e.value() == Math.rint(e.value()) && e.value() >= 0 && e.value() < d.choices().size()
                    ? null : d.label() + ": " + e.value() + " is not one of 0.." + (d.choices().size() - 1))
                    : d.problemWith(e.value());
            if (p != null) {
                problems.add(e.key() + ": " + p);
                continue;
            }
            accepted.put(e.key(), e.value());
        }
        sheet.enterAll(accepted);
        return new ImportReport(!accepted.isEmpty(), accepted.size(), problems);
    }

    /** The JSON document; field names are the format's. */
    private static final class Json {
        String format;
        Integer formatVersion;
        String protocol;
        String mapVersion;
        String savedAt;
        JsonPack pack;
        List<JsonValue> parameters;
    }

    private static final class JsonPack {
        String model;
        String barCode;
        Integer cellCount;
        Integer sensorCount;
    }

    private static final class JsonValue {
        String key;
        String unit;
        Double value;
        String text;
    }
}
