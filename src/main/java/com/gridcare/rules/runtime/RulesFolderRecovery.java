package com.gridcare.rules.runtime;

import java.nio.file.Path;

/**
 * Brings the rules folder on disk to a whole version before {@link RuleRuntime} reads it at start-up. Publishing
 * provides it (a publish that crashed while writing the folder is finished or undone), so that the runtime need
 * not know how publishing writes files.
 */
@FunctionalInterface
public interface RulesFolderRecovery {

    void recover(Path rulesFolder);
}
