package com.gridcare.notification;

import com.gridcare.customer.PreferredChannel;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sender of each preferred channel, checked when GridCare starts: a channel never lacks its sender. */
final class NotificationSenders {

    private final Map<PreferredChannel, NotificationSender> byChannel = new EnumMap<>(PreferredChannel.class);

    NotificationSenders(List<NotificationSender> available, Map<PreferredChannel, String> configured) {
        var byName = new LinkedHashMap<String, NotificationSender>();
        available.forEach(sender -> byName.put(sender.name(), sender));
        for (var channel : PreferredChannel.values()) {
            var name = configured.getOrDefault(channel, LogSender.NAME);
            var sender = byName.get(name);
            if (sender == null) {
                throw new IllegalStateException("gridcare.notification.senders." + channel + "=" + name
                        + ", but that sender is not available (available: " + byName.keySet()
                        + "; email needs spring.mail.host, sms and wechat need gridcare.notification.<name>.url)");
            }
            byChannel.put(channel, sender);
        }
    }

    NotificationSender forChannel(PreferredChannel channel) {
        return byChannel.get(channel);
    }
}
