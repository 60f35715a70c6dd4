package org.bmsworkbench.ui.mqtt;

import java.text.MessageFormat;

import org.bmsworkbench.events.MqttStatus;
import org.bmsworkbench.ui.mqtt.model.MqttForm;

/** User-facing strings of the MQTT dialog and status-line indicator ({@code OSGI-INF/l10n/bundle*.properties}). */
public class Messages {

    public String dialog_title;
    public String dialog_message;
    public String dialog_enabled;
    public String dialog_broker;
    public String dialog_url;
    public String dialog_url_hint;
    public String dialog_base;
    public String dialog_clientId;
    public String dialog_clientId_hint;
    public String dialog_user;
    public String dialog_password;
    public String dialog_qos;
    public String dialog_interval;
    public String dialog_caFile;
    public String dialog_caFile_hint;
    public String dialog_browse;
    public String dialog_homeAssistant;
    public String dialog_discovery;
    public String dialog_discoveryPrefix;
    public String dialog_saveFailed;
    public String error_interval;
    public String error_caFile;
    public String error_url;
    public String error_topic;
    public String error_invalid;
    public String status_OFF;
    public String status_CONNECTING;
    public String status_CONNECTED;
    public String status_DISCONNECTED;
    public String status_FAILED;
    public String status_tooltip;

    public static String format(String pattern, Object... args) {
        return MessageFormat.format(pattern, args);
    }

    public MqttForm.Texts formTexts() {
        return new MqttForm.Texts(error_interval, error_caFile, error_url, error_topic, error_invalid);
    }

    /** The status line's text for a state. */
    public String statusText(MqttStatus s) {
        return switch (s.state()) {
            case OFF -> status_OFF;
            case CONNECTING -> status_CONNECTING;
            case CONNECTED -> status_CONNECTED;
            case DISCONNECTED -> format(status_DISCONNECTED, s.buffered());
            case FAILED -> status_FAILED;
        };
    }

    /** The indicator's tooltip: broker, figures and why. */
    public String statusTooltip(MqttStatus s) {
        return format(status_tooltip, s.broker().isEmpty() ? "-" : s.broker(), s.published(), s.buffered(),
                s.dropped(), s.detail().isEmpty() ? "-" : s.detail());
    }
}
