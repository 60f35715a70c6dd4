package org.bmsworkbench.parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.bmsworkbench.control.Refusal;
import org.bmsworkbench.model.ParameterSet;

/**
 * Writes one parameter set to chosen packs of a bus, one after another, each with the full check → write →
 * read-back: the pack's page is read, the values are entered on a sheet of that page and checked against its
 * rows and relations, only the values that differ are written (or all), and the read-back is compared. One run at
 * a time per instance; {@link #cancel()} stops before the next pack.
 */
public final class ApplyToMany {

    /** How one pack ended. */
    public enum Status {
        /** Written and read back as sent (or nothing differed, so nothing was sent). */
        WRITTEN,
        /** Nothing was sent: the check, the gate or the guard refused; see the reason. */
        REFUSED,
        /** The pack did not answer the read, or was not current when the write was admitted. */
        OFFLINE,
        /** Written, but some values read back otherwise. */
        DIFFERS_AFTER_WRITE,
        /** Sent, but the pack refused it or stopped answering. */
        FAILED,
        /** Not tried: the run was cancelled or stopped at an earlier refusal. */
        SKIPPED
    }

    /**
     * One pack's result.
     *
     * @param address     the pack
     * @param status      how it ended
     * @param message     one line for the person
     * @param differences for {@link Status#DIFFERS_AFTER_WRITE}: the values that read back otherwise
     */
    public record PackResult(int address, Status status, String message, List<ReadBackDifference> differences) {

        public PackResult {
            differences = List.copyOf(differences);
        }
    }

    private final ParameterService service;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public ApplyToMany(ParameterService service) {
        this.service = service;
    }

    /** Stops the run before its next pack; the pack being written finishes. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Applies {@code values} to each of {@code addresses} in order.
     *
     * @param writeAll           send every value, not only those that differ from each pack's page
     * @param stopOnFirstRefusal after a REFUSED pack, skip the rest
     * @param progress           told each pack's result as it ends (on the bus thread)
     * @return every pack's result, in the order given; never completes exceptionally
     */
    public CompletableFuture<List<PackResult>> apply(String busId, List<Integer> addresses, Map<String, Double> values,
            boolean writeAll, boolean stopOnFirstRefusal, Consumer<PackResult> progress) {
        cancelled.set(false);
        List<PackResult> results = new ArrayList<>();
        CompletableFuture<Boolean> chain = CompletableFuture.completedFuture(true);
        for (int address : addresses) {
            chain = chain.thenCompose(goOn -> {
                if (!goOn || cancelled.get()) {
                    PackResult skipped = new PackResult(address, Status.SKIPPED,
                            cancelled.get() ? "cancelled before this pack" : "stopped at an earlier refusal", List.of());
                    return done(results, skipped, progress, false);
                }
                return one(busId, address, values, writeAll).thenCompose(r -> done(results, r, progress,
                        !(stopOnFirstRefusal && r.status() == Status.REFUSED)));
            });
        }
        return chain.thenApply(ignored -> List.copyOf(results));
    }

    private static CompletableFuture<Boolean> done(List<PackResult> results, PackResult r, Consumer<PackResult> progress,
            boolean goOn) {
        synchronized (results) {
            results.add(r);
        }
        progress.accept(r);
        return CompletableFuture.completedFuture(goOn);
    }

    private CompletableFuture<PackResult> one(String busId, int address, Map<String, Double> values, boolean writeAll) {
        return service.read(busId, address).handle((page, error) -> {
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return CompletableFuture.completedFuture(new PackResult(address, Status.OFFLINE,
                        "pack " + address + " did not answer the read: " + cause.getMessage(), List.of()));
            }
            ParameterSheet sheet = service.newSheet(busId);
            sheet.loadDevice(page);
            sheet.enterAll(values);
            sheet.setWriteAll(writeAll);
            List<SheetProblem> problems = sheet.check();
            if (!problems.isEmpty()) {
                return CompletableFuture.completedFuture(new PackResult(address, Status.REFUSED,
                        problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                                + " more)" : "") + "; nothing was sent", List.of()));
            }
            if (sheet.changes().isEmpty()) {
                return CompletableFuture.completedFuture(new PackResult(address, Status.WRITTEN,
                        "every value already as given; nothing was sent", List.of()));
            }
            return service.write(busId, address, sheet).thenApply(w -> result(address, w));
        }).thenCompose(f -> f);
    }

    private static PackResult result(int address, WriteResult w) {
        Status status = switch (w.kind()) {
            case WRITTEN -> Status.WRITTEN;
            case DIFFERS_AFTER_WRITE -> Status.DIFFERS_AFTER_WRITE;
            case FAILED -> Status.FAILED;
            case REFUSED -> w.refusal() == Refusal.NOT_CURRENT || w.refusal() == Refusal.NO_DATA ? Status.OFFLINE
                    : Status.REFUSED;
        };
        return new PackResult(address, status, w.message(), w.differences());
    }

    /** Convenience: the set's known values as a map for {@link #apply}. */
    public static Map<String, Double> valuesOf(ParameterSet set) {
        return set.values();
    }
}
