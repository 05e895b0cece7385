package org.nmt4j.model;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J workspaces for the temporaries of one training step or one decoding call. Without them every
 * intermediate array is a separate off-heap allocation released only when the garbage collector finds it,
 * so resident memory climbs to gigabytes; inside a workspace they are carved from one reusable block.
 * Arrays created in a scope must not be used after it closes (copy results out as Java values first).
 */
public final class Workspaces {

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.3)
            .policyLearning(LearningPolicy.OVER_TIME)
            .cyclesBeforeInitialization(3)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {
    }

    /** Opens a scope; use with try-with-resources. Workspaces are per thread, so this is thread-safe. */
    public static MemoryWorkspace open(String name) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, name);
    }
}
