package org.bmsworkbench.ui.comm;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bmsworkbench.core.bus.BusStateRegistry;
import org.bmsworkbench.core.bus.BusView;
import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.FrameRecord;
import org.bmsworkbench.protocol.BmsProtocol;
import org.bmsworkbench.protocol.ProtocolCatalog;
import org.bmsworkbench.ui.comm.model.CommFilter;
import org.bmsworkbench.ui.comm.model.CommLog;
import org.bmsworkbench.ui.comm.model.FrameText;
import org.bmsworkbench.ui.common.AbstractPart;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import jakarta.inject.Inject;

/**
 * Part that hosts {@link CommView}: the communication record live. Each {@code BUS_FRAME} only goes into a ring
 * (EventAdmin's thread) and requests a refresh; the refresh, at most {@value #REFRESH_MILLIS} ms apart, filters the
 * ring and gives the virtual table its rows. While paused the rows hold still; frames are still kept.
 */
public class CommPart extends AbstractPart<CommView, Messages> {

    /** Frames kept: about five minutes of 8 packs polled as fast as 115200 baud allows. */
    public static final int CAPACITY = 20_000;
    private static final int REFRESH_MILLIS = 200;

    private final BusStateRegistry registry;
    private final CommLog log = new CommLog(CAPACITY);
    private final Map<String, String> protocolOfBus = new HashMap<>();
    private Map<ServiceReference<BmsProtocol>, BmsProtocol> protocolServices = Map.of();
    private List<FrameRecord> entries = List.of();
    private List<FrameRecord> shown = List.of();
    private long shownTotal = -1;
    private CommFilter shownFilter;
    private long pausedAt;

    @Inject
    public CommPart(BusStateRegistry registry) {
        super(Messages.class, REFRESH_MILLIS, 0);
        this.registry = registry;
    }

    @Override
    protected CommView createView(Composite parent, Messages messages) {
        CommView v = new CommView(parent, messages);
        v.packCombo().addListener(SWT.Selection, e -> requestRefresh());
        v.directionCombo().addListener(SWT.Selection, e -> requestRefresh());
        v.outcomeCombo().addListener(SWT.Selection, e -> requestRefresh());
        v.searchText().addListener(SWT.Modify, e -> requestRefresh());
        v.pauseButton().addListener(SWT.Selection, e -> {
            pausedAt = log.total();
            shownTotal = -1;
            requestRefresh();
        });
        v.clearButton().addListener(SWT.Selection, e -> {
            log.clear();
            shownTotal = -1;
            requestRefresh();
        });
        v.exportButton().addListener(SWT.Selection, e -> exportDialog(v));
        v.decodeButton().addListener(SWT.Selection, e -> decodeSelected(v));
        v.table().addListener(SWT.DefaultSelection, e -> decodeSelected(v));
        return v;
    }

    @Override
    protected void relabel(CommView view, Messages messages) {
        view.setMessages(messages);
        shownTotal = -1;
    }

    @Inject
    @Optional
    public void onFrame(@EventTopic(BmsTopics.BUS_FRAME) FrameRecord frame) {
        // e4 calls an @Optional event method once with null when the part is made
        if (frame == null) {
            return;
        }
        log.add(frame);
        requestRefresh();
    }

    /** The record (for tests). */
    public CommLog log() {
        return log;
    }

    /** The frames shown, in table order. */
    public List<FrameRecord> shown() {
        return shown;
    }

    @Override
    protected void refresh(CommView view) {
        CommFilter filter = view.filter();
        boolean paused = view.pauseButton().getSelection();
        long total = log.total();
        if (paused) {
            view.setStatus(Messages.format(view.messages().comm_paused, total - pausedAt));
            if (filter.equals(shownFilter) && shownTotal >= 0) {
                return;
            }
        } else if (total == shownTotal && filter.equals(shownFilter)) {
            return;
        } else {
            entries = log.entries();
        }
        shownTotal = total;
        shownFilter = filter;
        remember(view);
        TreeSet<Integer> packs = new TreeSet<>();
        entries.forEach(r -> packs.add(r.address()));
        view.setPacks(new ArrayList<>(packs), false);
        ProtocolCatalog protocols = protocols();
        shown = filter.apply(entries, r -> FrameText.frame(r.bytes(), ascii(protocols, r.busId())));
        List<String[]> rows = new ArrayList<>(shown.size());
        for (FrameRecord r : shown) {
            rows.add(FrameText.row(r, ascii(protocols, r.busId())));
        }
        view.setRows(rows);
        if (!paused) {
            view.setStatus(Messages.format(view.messages().comm_status, shown.size(), entries.size(), log.dropped()));
        }
    }

    /** Keeps the protocol of every bus seen, so frames of a bus closed since still show and decode. */
    private void remember(CommView view) {
        for (BusView b : registry.overview(Instant.now()).buses()) {
            protocolOfBus.put(b.busId(), b.status().protocol());
        }
    }

    private boolean ascii(ProtocolCatalog protocols, String busId) {
        return FrameText.ascii(protocols, protocolOfBus.getOrDefault(busId, ""));
    }

    /**
     * The protocols registered as services (the connection service's own), for the notation and decoding; each
     * service is got once and kept while it is registered.
     */
    private ProtocolCatalog protocols() {
        BundleContext context = FrameworkUtil.getBundle(CommPart.class).getBundleContext();
        if (context == null) {
            return new ProtocolCatalog(List.of());
        }
        try {
            Map<ServiceReference<BmsProtocol>, BmsProtocol> now = new HashMap<>();
            for (ServiceReference<BmsProtocol> ref : context.getServiceReferences(BmsProtocol.class, null)) {
                BmsProtocol p = protocolServices.containsKey(ref) ? protocolServices.get(ref) : context.getService(ref);
                if (p != null) {
                    now.put(ref, p);
                }
            }
            protocolServices = now;
            return new ProtocolCatalog(new ArrayList<>(now.values()));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("no filter was given", e);
        }
    }

    /** Decodes the selected frame into the view's lower pane. */
    public void decodeSelected(CommView view) {
        int i = view.table().getSelectionIndex();
        if (i < 0 || i >= shown.size()) {
            view.setDecoded(view.messages().comm_decode_hint);
            return;
        }
        FrameRecord r = shown.get(i);
        int at = entries.indexOf(r);
        List<FrameRecord> before = at < 0 ? List.of() : entries.subList(0, at);
        view.setDecoded(FrameText.decode(r, before, protocolOfBus.getOrDefault(r.busId(), ""), protocols()));
    }

    private void exportDialog(CommView view) {
        FileDialog dialog = new FileDialog(view.getShell(), SWT.SAVE);
        dialog.setText(view.messages().comm_export_title);
        dialog.setFilterExtensions(new String[] { "*.csv" });
        dialog.setFileName("communication.csv");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            export(view, Path.of(file));
        }
    }

    /** Writes the rows shown (with the view's columns) to a CSV file. */
    public void export(CommView view, Path file) {
        Messages m = view.messages();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            csv.printRecord(m.col_time, m.col_direction, m.col_bus, m.col_pack, m.col_frame, m.col_summary,
                    m.col_outcome);
            for (String[] row : view.rows()) {
                csv.printRecord((Object[]) row);
            }
            view.setStatus(Messages.format(m.comm_exported, view.rows().size(), file));
        } catch (IOException e) {
            view.setStatus(Messages.format(m.comm_export_failed, e.getMessage()));
        }
    }
}
