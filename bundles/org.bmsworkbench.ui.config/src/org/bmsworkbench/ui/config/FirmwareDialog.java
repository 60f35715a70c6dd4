package org.bmsworkbench.ui.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.bmsworkbench.config.firmware.FirmwareCheck;
import org.bmsworkbench.config.firmware.FirmwareImage;
import org.bmsworkbench.config.firmware.FirmwareProgress;
import org.bmsworkbench.config.firmware.FirmwareResult;
import org.bmsworkbench.config.firmware.FirmwareUpgrade;
import org.bmsworkbench.config.firmware.FirmwareWrite;
import org.bmsworkbench.connection.Commands;
import org.bmsworkbench.control.WriteOutcome;
import org.bmsworkbench.model.DeviceIdentity;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;

/**
 * The firmware upgrade of one pack: choose an image, see it checked against the pack before anything is sent (size,
 * header, CRC-32, hardware and version), then Upgrade with progress (blocks, bytes/s, time left) and Cancel, which
 * tells the pack to abort and keep its firmware. The transfer runs off the display thread; its progress is shown
 * at most every 200 ms.
 */
final class FirmwareDialog extends TitleAreaDialog {

    private static final Color PROBLEM = new Color(0xc5, 0x22, 0x1f);
    private static final Color OK = new Color(0x1e, 0x8e, 0x3e);
    private static final int START_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int CANCEL_TRANSFER_ID = IDialogConstants.CLIENT_ID + 2;
    private static final long MAX_FILE = 16L << 20;

    private final PackTarget pack;
    private final Messages m;
    private Label imageLine;
    private Label headerLine;
    private Label packLine;
    private Label checkLines;
    private Button allowOlder;
    private ProgressBar bar;
    private Label progressLine;
    private FirmwareImage image;
    private DeviceIdentity identity;
    private FirmwareCheck check;
    private volatile FirmwareProgress progress;
    private volatile boolean progressQueued;
    private FirmwareUpgrade upgrade;
    private boolean running;
    private WriteOutcome<FirmwareResult> outcome;

    FirmwareDialog(Shell parent, PackTarget pack, Messages m) {
        super(parent);
        this.pack = pack;
        this.m = m;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        String title = Messages.format(m.firmware_title, pack.address());
        setTitle(title);
        getShell().setText(title);
        setMessage(m.firmware_none);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        c.setLayout(new GridLayout(2, false));
        Button choose = new Button(c, SWT.PUSH);
        choose.setText(m.firmware_choose);
        choose.addListener(SWT.Selection, e -> chooseFile());
        imageLine = line(c, 1);
        headerLine = line(c, 2);
        packLine = line(c, 2);
        checkLines = line(c, 2);
        allowOlder = new Button(c, SWT.CHECK);
        allowOlder.setText(m.firmware_allowOlder);
        allowOlder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        allowOlder.addListener(SWT.Selection, e -> judge());
        bar = new ProgressBar(c, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        progressLine = line(c, 2);
        readIdentity();
        return area;
    }

    private static Label line(Composite c, int span) {
        Label l = new Label(c, SWT.WRAP);
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        d.widthHint = 520;
        l.setLayoutData(d);
        return l;
    }

    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        org.eclipse.swt.graphics.Point p = super.getInitialSize();
        return new org.eclipse.swt.graphics.Point(Math.max(p.x, 680), Math.max(p.y, 460));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, START_ID, m.firmware_start, false).setEnabled(false);
        createButton(parent, CANCEL_TRANSFER_ID, m.firmware_cancel, false).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, m.firmware_close, true);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == START_ID) {
            start();
        } else if (id == CANCEL_TRANSFER_ID) {
            FirmwareUpgrade u = upgrade;
            if (u != null) {
                u.cancel();
            }
        } else if (id == IDialogConstants.CLOSE_ID && !running) {
            close();
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        // a transfer under way is cancelled with its own button, never by closing the window
        if (!running) {
            super.handleShellCloseEvent();
        }
    }

    private void readIdentity() {
        packLine.setText(m.firmware_checking);
        try {
            pack.connection().submit(pack.busId(), Commands.readIdentity(pack.address())).result()
                    .orTimeout(30, TimeUnit.SECONDS).whenComplete((id, error) -> pack.sync().asyncExec(() -> {
                        if (packLine.isDisposed()) {
                            return;
                        }
                        if (error != null) {
                            Throwable c = error.getCause() != null ? error.getCause() : error;
                            packLine.setText(Messages.format(m.read_failed, pack.address(), c.getMessage()));
                            packLine.setForeground(PROBLEM);
                            return;
                        }
                        identity = id;
                        packLine.setText(Messages.format(m.firmware_pack, orDash(id.get(DeviceIdentity.SOFTWARE_VERSION)),
                                orDash(id.get(DeviceIdentity.HARDWARE_VERSION))));
                        judge();
                    }));
        } catch (IllegalArgumentException | IllegalStateException e) {
            packLine.setText(Messages.format(m.read_failed, pack.address(), e.getMessage()));
            packLine.setForeground(PROBLEM);
        }
    }

    private String orDash(String s) {
        return s.isEmpty() ? m.unknown : s;
    }

    private void chooseFile() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setFilterExtensions(new String[] { "*.bin;*.fw;*.img;*.hex", "*" });
        String file = d.open();
        if (file != null) {
            load(Path.of(file));
        }
    }

    /** Reads and checks an image; also for tests. */
    void load(Path file) {
        try {
            image = FirmwareImage.read(file, MAX_FILE);
        } catch (IOException e) {
            image = null;
            imageLine.setText(Messages.format(m.firmware_readError, e.getMessage()));
            imageLine.setForeground(PROBLEM);
            judge();
            return;
        }
        imageLine.setForeground(null);
        imageLine.setText(Messages.format(m.firmware_image, image.name(), Long.toString(image.size()),
                String.format("%08X", image.crc32())));
        headerLine.setText(image.hasHeader() ? Messages.format(m.firmware_header, image.hardware(), image.version())
                : m.firmware_noHeader);
        judge();
    }

    private void judge() {
        Button start = getButton(START_ID);
        if (image == null || identity == null) {
            if (start != null) {
                start.setEnabled(false);
            }
            return;
        }
        // the board's own limit is checked again with the protocol, before the first block
        check = FirmwareCheck.of(image, identity, MAX_FILE, allowOlder.getSelection());
        List<String> lines = new ArrayList<>();
        check.problems().forEach(p -> lines.add(Messages.format(m.firmware_problem, p)));
        check.warnings().forEach(w -> lines.add(Messages.format(m.firmware_warning, w)));
        String refused = Outcomes.refused(m, pack.writes().judge(new FirmwareWrite(pack.busId(), pack.address(), image,
                allowOlder.getSelection(), null)));
        if (refused != null) {
            lines.add(refused);
        }
        boolean go = check.passed() && refused == null;
        if (go) {
            lines.add(m.firmware_ready);
        }
        checkLines.setText(String.join("\n", lines));
        checkLines.setForeground(go ? OK : PROBLEM);
        start.setEnabled(go && !running && outcome == null);
        setMessage(go ? Messages.format(m.firmware_readyShort, pack.address(), image.version().isEmpty() ? image.name()
                : image.version()) : m.firmware_none);
        getShell().layout(true, true);
    }

    private void start() {
        if (check == null || !check.passed() || running) {
            return;
        }
        if (!pack.prompts().unlocked(getShell())) {
            progressLine.setText(m.locked);
            return;
        }
        FirmwareWrite write = new FirmwareWrite(pack.busId(), pack.address(), image, allowOlder.getSelection(),
                this::progressed);
        if (!pack.prompts().confirm(getShell(), Messages.format(m.confirm_title, pack.address()),
                Messages.format(m.firmware_title, pack.address()) + ":\n" + write.newValue() + "\n\n" + m.firmware_ready,
                m.firmware_start, m.confirm_cancel)) {
            progressLine.setText(Outcomes.cancelled(m, pack.writes(), write));
            return;
        }
        running = true;
        upgrade = new FirmwareUpgrade(pack.writes(), line -> progressLine.getDisplay().asyncExec(() -> {
            if (!progressLine.isDisposed()) {
                progressLine.setText(line);
            }
        }));
        getButton(START_ID).setEnabled(false);
        getButton(CANCEL_TRANSFER_ID).setEnabled(true);
        getButton(IDialogConstants.CLOSE_ID).setEnabled(false);
        FirmwareUpgrade u = upgrade;
        Thread worker = new Thread(() -> {
            WriteOutcome<FirmwareResult> o;
            try {
                o = u.run(write);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            WriteOutcome<FirmwareResult> done = o;
            pack.sync().asyncExec(() -> finished(done));
        }, "bmsw-firmware-" + pack.address());
        worker.setDaemon(true);
        worker.start();
    }

    private void progressed(FirmwareProgress p) {
        progress = p;
        if (!progressQueued) {
            progressQueued = true;
            pack.sync().asyncExec(() -> {
                progressQueued = false;
                showProgress();
            });
        }
    }

    private void showProgress() {
        FirmwareProgress p = progress;
        if (p == null || bar.isDisposed()) {
            return;
        }
        bar.setMaximum(Math.max(1, p.blocks()));
        bar.setSelection(p.block());
        String step = stepText(p.step());
        if (p.step() == FirmwareProgress.Step.SENDING) {
            step = Messages.format(m.firmware_progress, p.block(), p.blocks(), String.format(Locale.ROOT, "%.0f",
                    p.bytesPerSecond()), Double.isNaN(p.secondsLeft()) ? m.unknown : String.format(Locale.ROOT,
                            "%.0f s", p.secondsLeft()))
                    + (p.resumedAt() > 0 ? " " + Messages.format(m.firmware_resumed, p.resumedAt()) : "");
        }
        progressLine.setText(step);
        progressLine.requestLayout();
    }

    private String stepText(FirmwareProgress.Step s) {
        return switch (s) {
            case CHECKING -> m.firmware_step_CHECKING;
            case ERASING -> m.firmware_step_ERASING;
            case SENDING -> m.firmware_step_SENDING;
            case VERIFYING -> m.firmware_step_VERIFYING;
            case ACTIVATING -> m.firmware_step_ACTIVATING;
            case RESTARTING -> m.firmware_step_RESTARTING;
            case DONE -> m.firmware_step_DONE;
            case ABORTED -> m.firmware_step_ABORTED;
        };
    }

    private void finished(WriteOutcome<FirmwareResult> o) {
        running = false;
        outcome = o;
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        showProgress();
        FirmwareProgress p = progress;
        boolean aborted = p != null && p.step() == FirmwareProgress.Step.ABORTED;
        progressLine.setText((aborted ? m.firmware_step_ABORTED + "\n" : "") + Outcomes.text(m, o));
        progressLine.setForeground(Outcomes.good(o) ? OK : PROBLEM);
        getButton(CANCEL_TRANSFER_ID).setEnabled(false);
        getButton(IDialogConstants.CLOSE_ID).setEnabled(true);
        getShell().layout(true, true);
    }

    // --- for tests ----------------------------------------------------------------------------------------------

    String checkText() {
        return checkLines.getText();
    }

    String progressText() {
        return progressLine.getText();
    }

    boolean canStart() {
        Button b = getButton(START_ID);
        return b != null && b.isEnabled();
    }

    void pressStart() {
        buttonPressed(START_ID);
    }

    void pressCancelTransfer() {
        buttonPressed(CANCEL_TRANSFER_ID);
    }

    boolean identityRead() {
        return identity != null;
    }

    WriteOutcome<FirmwareResult> outcome() {
        return outcome;
    }
}
