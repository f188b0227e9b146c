package io.kelvin.simulator.opcua;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler.InvocationContext;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredEventItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.ConditionType;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.subscriptions.Subscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/**
 * ConditionRefresh and ConditionRefresh2 as OPC UA Part 9, 5.5.7 and 5.5.8 define them, replacing
 * Milo's, which fires only the start and end events and those to every subscription: RefreshStart,
 * then every retained condition and branch, then RefreshEnd, all queued into the event items of the
 * asking subscription (or the one item) only.
 */
final class ConditionRefresh {

    private ConditionRefresh() {
    }

    /** Installs both methods on {@code server}; call after the server has started. */
    static void install(OpcUaServer server, TwinConditions conditions, InstantSource clock) {
        UaMethodNode refresh = method(server, NodeIds.ConditionType_ConditionRefresh);
        refresh.setInvocationHandler(new ConditionType.ConditionRefreshMethod(refresh) {
            @Override
            protected void invoke(InvocationContext context, UInteger subscriptionId) throws UaException {
                replay(server, conditions, clock, eventItems(subscription(context, subscriptionId), null));
            }
        });
        UaMethodNode refresh2 = method(server, NodeIds.ConditionType_ConditionRefresh2);
        refresh2.setInvocationHandler(new ConditionType.ConditionRefresh2Method(refresh2) {
            @Override
            protected void invoke(InvocationContext context, UInteger subscriptionId, UInteger monitoredItemId)
                    throws UaException {
                replay(server, conditions, clock, eventItems(subscription(context, subscriptionId), monitoredItemId));
            }
        });
    }

    private static UaMethodNode method(OpcUaServer server, org.eclipse.milo.opcua.stack.core.types.builtin.NodeId id) {
        return server.getAddressSpaceManager().getManagedNode(id).filter(UaMethodNode.class::isInstance)
                .map(UaMethodNode.class::cast)
                .orElseThrow(() -> new IllegalStateException("the server has no method " + id));
    }

    /** The subscription must belong to the calling session (5.5.7: Bad_SubscriptionIdInvalid otherwise). */
    private static Subscription subscription(InvocationContext context,
                                             UInteger id) throws UaException {
        Session session = context.getSession().orElseThrow(() -> new UaException(StatusCodes.Bad_UserAccessDenied));
        Subscription subscription = session.getSubscriptionManager().getSubscription(id);
        if (subscription == null) {
            throw new UaException(StatusCodes.Bad_SubscriptionIdInvalid);
        }
        return subscription;
    }

    private static List<MonitoredEventItem> eventItems(Subscription subscription, UInteger onlyItem) throws UaException {
        List<MonitoredEventItem> items = subscription.getMonitoredItems().values().stream()
                .filter(MonitoredEventItem.class::isInstance).map(MonitoredEventItem.class::cast)
                .filter(i -> onlyItem == null || Objects.equals(i.getId(), onlyItem)).toList();
        if (items.isEmpty()) {
            // 5.5.7: a subscription without event items has nothing to refresh
            throw new UaException(onlyItem == null ? StatusCodes.Bad_NothingToDo : StatusCodes.Bad_MonitoredItemIdInvalid);
        }
        return items;
    }

    private static void replay(OpcUaServer server, TwinConditions conditions, InstantSource clock,
                               List<MonitoredEventItem> items) {
        ServerEvents.refreshMarker(server, items, true, clock.instant());
        conditions.replay(event -> items.forEach(item -> item.onEvent(event)));
        ServerEvents.refreshMarker(server, items, false, clock.instant());
    }
}
