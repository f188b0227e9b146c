package io.kelvin.collectors.opcua;

import io.kelvin.core.site.PointDef;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which nodes lack the EURange property a percent deadband is computed over (OPC UA Part 8, 5.3.2:
 * AnalogItemType's EURange; Part 4, 7.22.2). Asked with one TranslateBrowsePathsToNodeIds call
 * (HasProperty "EURange") for all percent points of a device.
 */
final class EuRanges {

    private static final Logger LOG = LoggerFactory.getLogger(EuRanges.class);
    private static final QualifiedName EU_RANGE = new QualifiedName(0, "EURange");

    private EuRanges() {
    }

    /** The points of {@code nodes} whose node has no EURange; empty when the server cannot say. */
    static Set<PointDef> missing(String device, OpcUaClient client, Map<PointDef, NodeId> nodes) {
        Set<PointDef> missing = new HashSet<>();
        if (nodes.isEmpty()) {
            return missing;
        }
        List<PointDef> points = List.copyOf(nodes.keySet());
        List<BrowsePath> paths = points.stream().map(p -> new BrowsePath(nodes.get(p), new RelativePath(
                new RelativePathElement[] {new RelativePathElement(NodeIds.HasProperty, false, true, EU_RANGE)}))).toList();
        try {
            BrowsePathResult[] results = client.translateBrowsePaths(paths).getResults();
            for (int i = 0; i < points.size() && results != null && i < results.length; i++) {
                BrowsePathResult result = results[i];
                if (!result.getStatusCode().isGood() || result.getTargets() == null || result.getTargets().length == 0) {
                    missing.add(points.get(i));
                }
            }
        } catch (UaException e) {
            LOG.debug("opcua {}: cannot look up EURange properties ({}); the server decides", device, e.getMessage());
        }
        return missing;
    }
}
