package org.bmsworkbench.config.firmware;

import java.util.ArrayList;
import java.util.List;

import org.bmsworkbench.model.DeviceIdentity;

/**
 * The checks of an image before its first block: its size against the board's standby area, its own integrity,
 * the hardware it names against the pack's and its version against the one running. A problem refuses; a
 * warning is shown and the upgrade may go on.
 *
 * @param problems why the image must not be sent, one English line each; empty when it may
 * @param warnings what the person should know (an image without a header cannot be checked against the pack)
 */
public record FirmwareCheck(List<String> problems, List<String> warnings) {

    public FirmwareCheck {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    /**
     * @param allowOlder whether an image not newer than the running firmware may be sent (a deliberate downgrade)
     */
    public static FirmwareCheck of(FirmwareImage image, DeviceIdentity pack, long maxSize, boolean allowOlder) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (image.size() == 0) {
            problems.add("the image is empty");
        } else if (image.size() > maxSize) {
            problems.add("the image has " + image.size() + " bytes; the board takes at most " + maxSize);
        }
        if (!problems.isEmpty()) {
            return new FirmwareCheck(problems, warnings);
        }
        String integrity = image.integrityProblem();
        if (integrity != null) {
            problems.add(integrity);
        }
        String running = pack == null ? "" : pack.get(DeviceIdentity.SOFTWARE_VERSION);
        String hardware = pack == null ? "" : pack.get(DeviceIdentity.HARDWARE_VERSION);
        if (!image.hasHeader()) {
            warnings.add("the image carries no header: its model and version cannot be checked before sending; the "
                    + "board checks its CRC-32 at the end");
        } else if (integrity == null) {
            if (hardware.isEmpty()) {
                problems.add("the pack does not say its hardware, so the image for " + image.hardware()
                        + " cannot be matched to it");
            } else if (!image.hardware().equals(hardware)) {
                problems.add("the image is for hardware " + image.hardware() + " but the pack is " + hardware);
            }
            int order = compareVersions(image.version(), running);
            if (running.isEmpty()) {
                warnings.add("the pack does not say its firmware version");
            } else if (order == 0 && !allowOlder) {
                problems.add("the pack already runs version " + running);
            } else if (order < 0 && !allowOlder) {
                problems.add("version " + image.version() + " is older than the running " + running
                        + " (a downgrade must be asked for)");
            } else if (order <= 0) {
                warnings.add("version " + image.version() + " replaces the running " + running + " (downgrade)");
            }
        }
        return new FirmwareCheck(problems, warnings);
    }

    /** Compares dotted versions number by number ({@code 2.10 > 2.9}); text parts compare as text. */
    static int compareVersions(String a, String b) {
        String[] x = a.trim().split("[^0-9A-Za-z]+");
        String[] y = b.trim().split("[^0-9A-Za-z]+");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("\\d+") && q.matches("\\d+")) {
                c = new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q));
            } else {
                c = p.compareToIgnoreCase(q);
            }
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return 0;
    }
}
