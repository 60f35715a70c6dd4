package org.bmsworkbench.protocol.modbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bmsworkbench.model.PackFlag;
import org.bmsworkbench.model.ParameterDefinition;
import org.bmsworkbench.model.ParameterRelation;
import org.bmsworkbench.model.Quantity;
import org.bmsworkbench.protocol.Command;
import org.bmsworkbench.protocol.ControlAction;

/**
 * A register map read from a {@code maps/<id>.map} file (format: {@code maps/README.md}). Immutable once
 * read; every name in it has been checked against the model, so decoding cannot meet an unknown target.
 */
final class RegisterMap {

    /** A run of registers or bits read with one function code. */
    record Block(String name, int function, int start, int count, String description, List<Field> fields) {
        boolean holdsBits() {
            return function == 1 || function == 2;
        }

        int end() {
            return start + count;
        }
    }

    /** One bit of a {@code bits} field. */
    record BitDef(int bit, String target) {
    }

    /** One value of a choice parameter. */
    record Choice(int value, String text) {
    }

    /** What a register, run of registers or bit means. */
    static final class Field {
        final int address;
        final String type;
        final String target;
        final Map<String, String> options;
        final List<BitDef> bits = new ArrayList<>();
        final List<Choice> choices = new ArrayList<>();
        final int count;
        final int function;
        ParameterDefinition parameter;

        Field(int address, String type, String target, Map<String, String> options, int function) {
            this.address = address;
            this.type = type;
            this.target = target;
            this.options = options;
            this.count = Integer.decode(options.getOrDefault("count", "1"));
            this.function = function;
        }

        /** Registers of one element (bits fields: of the whole field). */
        int width() {
            return switch (type) {
                case "u32", "s32" -> 2;
                case "bit", "u16", "s16" -> 1;
                case "bits" -> 1;
                default -> Integer.parseInt(type.substring(3)) / 2;
            };
        }

        /** Registers (or bits) the field covers. */
        int span() {
            if (type.equals("bits")) {
                return Math.max(1, (count + 15) / 16);
            }
            return width() * count;
        }

        int end() {
            return address + span();
        }

        double scale() {
            return Double.parseDouble(options.getOrDefault("scale", "1"));
        }

        double offset() {
            return Double.parseDouble(options.getOrDefault("offset", "0"));
        }

        boolean signed() {
            return type.startsWith("s") && !type.startsWith("str");
        }

        boolean writable() {
            String access = options.getOrDefault("access", function == 1 || function == 3 ? "rw" : "r");
            return access.contains("w");
        }

        /** Raw values that mean "no reading". */
        List<Long> absent() {
            String a = options.get("absent");
            if (a == null) {
                return List.of();
            }
            List<Long> values = new ArrayList<>();
            for (String v : a.split(",")) {
                values.add(Long.decode(v.trim()));
            }
            return values;
        }
    }

    final String id;
    final String name;
    final int minAddress;
    final int maxAddress;
    final int maxRead;
    final int timeoutMillis;
    final Map<String, Block> blocks;
    final Map<Command, List<Block>> commands;
    final List<ParameterDefinition> parameters;
    /** Rules between parameter rows (map lines {@code relation}). */
    final List<ParameterRelation> relations;
    /** The board's "last command result" codes and what they mean for people (map lines {@code result}). */
    final Map<Integer, String> results;

    private RegisterMap(Parser p) {
        this.id = p.id;
        this.name = p.name;
        this.minAddress = p.minAddress;
        this.maxAddress = p.maxAddress;
        this.maxRead = p.maxRead;
        this.timeoutMillis = p.timeout;
        this.blocks = Collections.unmodifiableMap(p.blocks);
        this.commands = Collections.unmodifiableMap(p.commands);
        this.parameters = List.copyOf(p.parameters);
        this.relations = List.copyOf(p.relations);
        this.results = Map.copyOf(p.results);
    }

    static RegisterMap load(String id) {
        String resource = "/maps/" + id + ".map";
        try (InputStream in = RegisterMap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("map file " + resource + " is missing from the bundle");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("map file " + resource + " cannot be read", e);
        }
    }

    /** @throws IllegalArgumentException naming the line of the first mistake */
    static RegisterMap parse(String text, String source) {
        Parser p = new Parser(source);
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = reader.readLine()) != null) {
                p.line(line);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new RegisterMap(p.finish());
    }

    /** Fields of blocks read with {@code function}, in address order within each block. */
    List<Field> fields(int function) {
        List<Field> result = new ArrayList<>();
        for (Block b : blocks.values()) {
            if (b.function == function) {
                result.addAll(b.fields);
            }
        }
        return result;
    }

    private static final class Parser {
        private final String source;
        private int lineNumber;
        String id;
        String name;
        int minAddress = 1;
        int maxAddress = 247;
        int maxRead = 125;
        int timeout = 500;
        final Map<String, Block> blocks = new LinkedHashMap<>();
        final Map<Command, List<Block>> commands = new EnumMap<>(Command.class);
        final List<ParameterDefinition> parameters = new ArrayList<>();
        final List<ParameterRelation> relations = new ArrayList<>();
        /** Relation lines as written (lower, operator, higher) with their line numbers, checked at the end. */
        private final List<String[]> relationLines = new ArrayList<>();
        final Map<Integer, String> results = new HashMap<>();
        private final Map<Command, List<String>> commandBlocks = new EnumMap<>(Command.class);
        private Block block;
        private Field field;

        Parser(String source) {
            this.source = source;
        }

        void line(String raw) {
            lineNumber++;
            List<String> t;
            try {
                t = tokens(raw);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
            if (t.isEmpty()) {
                return;
            }
            List<String> positional = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            for (String token : t) {
                int eq = token.indexOf('=');
                // an option's name is a word, so the operators <= and >= of a relation stay positional
                if (eq > 0 && !token.startsWith("\u0000") && Character.isLetter(token.charAt(0))) {
                    options.put(token.substring(0, eq), unquote(token.substring(eq + 1)));
                } else {
                    positional.add(unquote(token));
                }
            }
            try {
                statement(positional, options);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }

        private void statement(List<String> a, Map<String, String> o) {
            switch (a.get(0)) {
                case "map" -> id = arg(a, 1);
                case "name" -> name = arg(a, 1);
                case "addresses" -> {
                    minAddress = Integer.decode(arg(a, 1));
                    maxAddress = Integer.decode(arg(a, 2));
                }
                case "max-read" -> {
                    maxRead = Integer.decode(arg(a, 1));
                    check(maxRead >= 1 && maxRead <= 125, "max-read must be 1..125");
                }
                case "timeout" -> timeout = Integer.decode(arg(a, 1));
                case "block" -> block(a);
                case "command" -> {
                    Command c = command(arg(a, 1));
                    check(a.size() > 2, "command " + a.get(1) + " names no block");
                    commandBlocks.put(c, a.subList(2, a.size()));
                }
                case "field" -> field(a, o);
                case "bit" -> bit(a);
                case "choice" -> {
                    check(field != null && "choice".equals(field.options.get("kind")), "choice outside a choice field");
                    field.choices.add(new Choice(Integer.decode(arg(a, 1)), arg(a, 2)));
                }
                case "relation" -> {
                    String op = arg(a, 2);
                    check(List.of("<", "<=", ">", ">=").contains(op) && a.size() == 4,
                            "a relation is <key> <op> <key>, op one of < <= > >=");
                    relationLines.add(new String[] {arg(a, 1), op, arg(a, 3), Integer.toString(lineNumber)});
                }
                case "result" -> {
                    int code = Integer.decode(arg(a, 1));
                    check(code >= 0 && code <= 0xFFFF, "a result code is a register value");
                    check(!results.containsKey(code), "result " + code + " is defined twice");
                    results.put(code, arg(a, 2));
                }
                default -> throw new IllegalArgumentException("unknown statement " + a.get(0));
            }
        }

        private void block(List<String> a) {
            String blockName = arg(a, 1);
            int function = Integer.parseInt(arg(a, 2), 16);
            check(function >= 1 && function <= 4, "block function must be 01, 02, 03 or 04");
            int start = Integer.decode(arg(a, 3));
            int count = Integer.decode(arg(a, 4));
            check(start >= 0 && count >= 1 && start + count <= 0x10000, "block " + blockName + " leaves 0..FFFF");
            check(!blocks.containsKey(blockName), "block " + blockName + " is defined twice");
            for (Block other : blocks.values()) {
                check(other.function != function || other.end() <= start || start + count <= other.start,
                        "block " + blockName + " overlaps block " + other.name);
            }
            block = new Block(blockName, function, start, count, a.size() > 5 ? a.get(5) : "", new ArrayList<>());
            blocks.put(blockName, block);
            field = null;
        }

        private void field(List<String> a, Map<String, String> o) {
            check(block != null, "field before any block");
            int address = Integer.decode(arg(a, 1));
            String type = arg(a, 2);
            String target = arg(a, 3);
            check(type.matches("u16|s16|u32|s32|bits|bit|str\\d+"), "unknown type " + type);
            check(type.equals("bit") == block.holdsBits(), "type " + type + " does not fit block " + block.name);
            if (type.startsWith("str")) {
                int chars = Integer.parseInt(type.substring(3));
                check(chars > 0 && chars % 2 == 0, "a string has an even number of characters");
            }
            Field f = new Field(address, type, target, o, block.function);
            check(f.count >= 1, "count must be positive");
            check(address >= block.start && f.end() <= block.end(),
                    String.format("field at 0x%04X..0x%04X lies outside block %s", address, f.end() - 1, block.name));
            for (Field other : block.fields) {
                boolean overlap = other.address < f.end() && f.address < other.end();
                check(!overlap || (target.startsWith("control.") && other.target.startsWith("control.")),
                        String.format("field at 0x%04X overlaps the field at 0x%04X", address, other.address));
            }
            target(f);
            block.fields.add(f);
            field = f;
        }

        private void target(Field f) {
            String t = f.target;
            String rest = t.contains(".") ? t.substring(t.indexOf('.') + 1) : "";
            switch (t.contains(".") ? t.substring(0, t.indexOf('.')) : t) {
                case "q" -> check(Quantity.byKey(rest) != null, "unknown quantity " + rest);
                case "cells", "temps", "cellCount", "tempCount" -> check(!f.type.startsWith("str"), t + " is a number");
                case "temp" -> check(Integer.parseInt(rest) >= 1 && Integer.parseInt(rest) <= 33, "sensor 1..33");
                case "flags" -> check(f.type.equals("bits"), t + " needs type bits");
                case "balance" -> check(f.type.startsWith("bit"), t + " needs type bits or bit");
                case "cellFlags" -> {
                    check(f.type.startsWith("bit"), t + " needs type bits or bit");
                    PackFlag.valueOf(rest);
                }
                case "flag" -> PackFlag.valueOf(rest);
                case "text", "raw", "firmware", "record" -> check(!rest.isEmpty(), t + " needs a name");
                case "clock" -> check(List.of("year", "month", "day", "hour", "minute", "second").contains(rest),
                        "unknown clock part " + rest);
                case "control" -> {
                    for (String k : List.of("on", "off", "action")) {
                        if (f.options.containsKey(k)) {
                            ControlAction.valueOf(f.options.get(k));
                        }
                    }
                    check(f.options.containsKey("on") || f.options.containsKey("off") || f.options.containsKey("action"),
                            t + " needs on=, off= or action=");
                    check(!f.options.containsKey("action") || f.options.containsKey("value"), t + " needs value=");
                }
                case "param" -> {
                    if (!"choice".equals(f.options.get("kind"))) {
                        check(f.options.containsKey("label"), t + " needs label=");
                        if (f.writable()) {
                            check(f.options.containsKey("min") && f.options.containsKey("max"),
                                    t + " is writable and needs min= and max=");
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown target " + t);
            }
        }

        private void bit(List<String> a) {
            check(field != null && field.type.equals("bits"), "bit outside a bits field");
            int n = Integer.decode(arg(a, 1));
            check(n >= 0 && n < 16 * field.span(), "bit " + n + " outside the field");
            String target = arg(a, 2);
            check(target.startsWith("flag.") || target.startsWith("raw."), "a bit names flag.<FLAG> or raw.<name>");
            if (target.startsWith("flag.")) {
                PackFlag.valueOf(target.substring(5));
            }
            field.bits.add(new BitDef(n, target));
        }

        Parser finish() {
            check(id != null && name != null, "map and name are required");
            for (Map.Entry<Command, List<String>> e : commandBlocks.entrySet()) {
                List<Block> list = new ArrayList<>();
                for (String b : e.getValue()) {
                    Block found = blocks.get(b);
                    check(found != null, "command " + e.getKey().key() + " names unknown block " + b);
                    list.add(found);
                }
                commands.put(e.getKey(), List.copyOf(list));
            }
            for (Block b : blocks.values()) {
                for (Field f : b.fields) {
                    if (f.target.startsWith("param.")) {
                        f.parameter = definition(f);
                        parameters.add(f.parameter);
                    }
                }
            }
            java.util.Set<String> keys = new java.util.HashSet<>();
            parameters.forEach(d -> keys.add(d.key()));
            for (String[] r : relationLines) {
                String where = source + " line " + r[3] + ": ";
                check(keys.contains(r[0]), where + "relation names unknown parameter " + r[0]);
                check(keys.contains(r[2]), where + "relation names unknown parameter " + r[2]);
                boolean strict = r[1].length() == 1;
                ParameterRelation relation = r[1].startsWith("<") ? new ParameterRelation(r[0], r[2], strict)
                        : new ParameterRelation(r[2], r[0], strict);
                check(!relations.contains(relation), where + "relation is declared twice");
                relations.add(relation);
            }
            return this;
        }

        private ParameterDefinition definition(Field f) {
            return bare(f).withPresentation(f.options.get("section"), f.options.get("zh"));
        }

        private ParameterDefinition bare(Field f) {
            String key = f.target.substring(6);
            String label = f.options.getOrDefault("label", key);
            if ("choice".equals(f.options.get("kind"))) {
                check(!f.choices.isEmpty(), key + " has no choice lines");
                List<String> names = new ArrayList<>();
                for (int i = 0; i < f.choices.size(); i++) {
                    Choice c = f.choices.get(i);
                    check(c.value == i, key + ": choices must be numbered 0, 1, 2, ... in order");
                    names.add(c.text);
                }
                return ParameterDefinition.choice(key, label, names);
            }
            double min = Double.parseDouble(f.options.getOrDefault("min", "-1e12"));
            double max = Double.parseDouble(f.options.getOrDefault("max", "1e12"));
            return ParameterDefinition.number(key, label, f.options.getOrDefault("unit", ""), min, max,
                    Math.abs(f.scale()));
        }

        private Command command(String key) {
            for (Command c : Command.values()) {
                if (c.key().equals(key)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown command " + key);
        }

        private static String arg(List<String> a, int i) {
            if (i >= a.size()) {
                throw new IllegalArgumentException(a.get(0) + " needs " + i + " arguments");
            }
            return a.get(i);
        }

        private static void check(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }

        private static String unquote(String s) {
            return s.replace("\u0000", "");
        }

        /** Splits a line at spaces, keeping quoted text together; quotes are removed, # starts a comment. */
        private static List<String> tokens(String line) {
            List<String> result = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    if (!any) {
                        current.append('\u0000');
                    }
                    quoted = !quoted;
                    any = true;
                } else if (!quoted && c == '#') {
                    break;
                } else if (!quoted && Character.isWhitespace(c)) {
                    if (any) {
                        result.add(current.toString());
                        current.setLength(0);
                        any = false;
                    }
                } else {
                    current.append(c);
                    any = true;
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("a quote is not closed");
            }
            if (any) {
                result.add(current.toString());
            }
            return result;
        }
    }
}
