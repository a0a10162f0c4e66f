package com.gridcare.rules.publishing;

import com.gridcare.rules.runtime.RulesFolderRecovery;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** At start-up, finishes or undoes a publish that crashed while writing {@code rules/} ({@link PublishJournal}). */
@Component
class PublishJournalRecovery implements RulesFolderRecovery {

    @Override
    public void recover(Path rulesFolder) {
        PublishJournal.recover(rulesFolder);
    }
}
