package org.bmsworkbench.ui.replay;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.bmsworkbench.replay.ReplayEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;

/** The Replay view: the file replayed, Play/Pause, Step, speed, a time slider, the position, Close. */
public final class ReplayView extends Composite {

    /** The speeds offered, multiples of the recorded time. */
    public static final double[] SPEEDS = { 1, 2, 5, 10, 100, 1000 };
    /** Steps of the time slider. */
    public static final int SLIDER_STEPS = 10_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Messages messages;
    private final Label marker;
    private final Label file;
    private final Button open;
    private final Button play;
    private final Button step;
    private final Label speedLabel;
    private final Combo speed;
    private final Button close;
    private final Scale slider;
    private final Label position;
    private final Label writes;

    public ReplayView(Composite parent, Messages messages) {
        super(parent, SWT.NONE);
        setLayout(new GridLayout(1, false));
        Composite top = new Composite(this, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        row.center = true;
        top.setLayout(row);
        top.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        marker = new Label(top, SWT.NONE);
        marker.setForeground(new Color(0xb0, 0x3a, 0x9c));
        marker.setData("org.bmsworkbench.test.id", "replay.marker");
        file = new Label(top, SWT.NONE);
        Composite buttons = new Composite(this, SWT.NONE);
        RowLayout buttonRow = new RowLayout(SWT.HORIZONTAL);
        buttonRow.wrap = true;
        buttonRow.center = true;
        buttons.setLayout(buttonRow);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        open = new Button(buttons, SWT.PUSH);
        play = new Button(buttons, SWT.PUSH);
        step = new Button(buttons, SWT.PUSH);
        speedLabel = new Label(buttons, SWT.NONE);
        speed = new Combo(buttons, SWT.READ_ONLY);
        for (double s : SPEEDS) {
            speed.add((int) s + "\u00d7");
        }
        speed.select(0);
        close = new Button(buttons, SWT.PUSH);
        slider = new Scale(this, SWT.HORIZONTAL);
        slider.setMinimum(0);
        slider.setMaximum(SLIDER_STEPS);
        slider.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        position = new Label(this, SWT.WRAP);
        position.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        writes = new Label(this, SWT.WRAP);
        writes.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        setMessages(messages);
        show(null, null);
    }

    public void setMessages(Messages m) {
        messages = m;
        open.setText(m.replay_open);
        step.setText(m.replay_step);
        speedLabel.setText(m.replay_speed);
        close.setText(m.replay_close);
        writes.setText(m.replay_writes);
        layout(true, true);
    }

    public Messages messages() {
        return messages;
    }

    /** Shows a replay's state (or none). */
    public void show(String fileName, ReplayEngine.State s) {
        boolean any = s != null;
        marker.setText(any ? messages.replay_marker : "");
        file.setText(any ? fileName : messages.replay_none);
        play.setText(any && s.playing() ? messages.replay_pause : messages.replay_play);
        for (var c : new org.eclipse.swt.widgets.Control[] { play, step, speed, close, slider }) {
            c.setEnabled(any);
        }
        if (any) {
            long span = Math.max(1, s.last().toEpochMilli() - s.first().toEpochMilli());
            if (!slider.isFocusControl() || s.playing()) {
                slider.setSelection((int) ((s.position().toEpochMilli() - s.first().toEpochMilli()) * SLIDER_STEPS
                        / span));
            }
            String at = TIME.format(s.position());
            position.setText(s.ended() ? Messages.format(messages.replay_ended, at)
                    : Messages.format(messages.replay_position, at, (int) s.speed() + "\u00d7",
                            TIME.format(s.first()), TIME.format(s.last()), s.published()));
        } else {
            position.setText("");
        }
        layout(true, true);
    }

    /** The time the slider points at. */
    public Instant sliderTime(ReplayEngine.State s) {
        long span = s.last().toEpochMilli() - s.first().toEpochMilli();
        return Instant.ofEpochMilli(s.first().toEpochMilli() + span * slider.getSelection() / SLIDER_STEPS);
    }

    public double chosenSpeed() {
        return SPEEDS[Math.max(0, speed.getSelectionIndex())];
    }

    public String positionText() {
        return position.getText();
    }

    public String markerText() {
        return marker.getText();
    }

    public Button openButton() {
        return open;
    }

    public Button playButton() {
        return play;
    }

    public Button stepButton() {
        return step;
    }

    public Combo speedCombo() {
        return speed;
    }

    public Button closeButton() {
        return close;
    }

    public Scale slider() {
        return slider;
    }
}
