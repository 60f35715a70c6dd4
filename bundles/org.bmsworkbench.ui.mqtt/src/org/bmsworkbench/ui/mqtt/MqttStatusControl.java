package org.bmsworkbench.ui.mqtt;

import org.bmsworkbench.events.BmsTopics;
import org.bmsworkbench.events.MqttStatus;
import org.bmsworkbench.mqtt.MqttService;
import org.bmsworkbench.ui.common.AbstractPart;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.EventTopic;
import org.eclipse.swt.widgets.Composite;

import jakarta.inject.Inject;

/**
 * The status line's MQTT indicator: off, connecting, connected, offline with the messages buffered, or refused;
 * the tooltip names the broker and the figures. Refreshed from {@link BmsTopics#MQTT_STATE}, at most once per frame.
 */
public class MqttStatusControl extends AbstractPart<MqttStatusView, Messages> {

    private final MqttService mqtt;
    private volatile MqttStatus latest;

    @Inject
    public MqttStatusControl(@Optional MqttService mqtt) {
        super(Messages.class);
        this.mqtt = mqtt;
        this.latest = mqtt == null ? null : mqtt.status();
    }

    @Inject
    @Optional
    public void onState(@EventTopic(BmsTopics.MQTT_STATE) MqttStatus status) {
        latest = status;
        requestRefresh();
    }

    @Override
    protected MqttStatusView createView(Composite parent, Messages messages) {
        return new MqttStatusView(parent, messages);
    }

    @Override
    protected void refresh(MqttStatusView view) {
        MqttStatus s = latest;
        if (s == null && mqtt != null) {
            s = mqtt.status();
        }
        view.show(s);
    }

    @Override
    protected void relabel(MqttStatusView view, Messages messages) {
        view.setMessages(messages);
    }
}
