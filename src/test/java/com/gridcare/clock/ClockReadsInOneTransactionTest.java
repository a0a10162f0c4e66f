package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A transaction reads a case's clocks once; every change it makes to them is seen by its later reads. */
@GridCareTest
class ClockReadsInOneTransactionTest {

    @Autowired
    TestData testData;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    CaseClocks clocks;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void shouldSeeEachChangeOfAClockLaterInTheSameTransaction() {
        var customer = testData.residential();
        var resolution = SlaClock.COMPLAINT_RESOLUTION;

        var caseId = transactions.execute(tx -> {
            var receipt = intake.register(new ComplaintRequest(customer, Channel.HOTLINE, ComplaintCategory.BILLING,
                    "The bill is twice as high as usual", null, null));
            var id = receipt.caseId();
            assertThat(clocks.of(id, resolution).orElseThrow().state()).isEqualTo(ClockState.RUNNING);

            clocks.pause(id, List.of(resolution), "waiting for the customer", receipt.processInstanceId());
            assertThat(clocks.of(id, resolution).orElseThrow().state()).isEqualTo(ClockState.PAUSED);

            clocks.resume(id, List.of(resolution), receipt.processInstanceId());
            assertThat(clocks.of(id, resolution).orElseThrow().state()).isEqualTo(ClockState.RUNNING);

            clocks.met(id, SlaClock.COMPLAINT_FIRST_CONTACT, receipt.processInstanceId());
            assertThat(clocks.of(id, SlaClock.COMPLAINT_FIRST_CONTACT).orElseThrow().state()).isEqualTo(ClockState.MET);
            return id;
        });

        assertThat(clocks.of(caseId, SlaClock.COMPLAINT_FIRST_CONTACT).orElseThrow().state()).isEqualTo(ClockState.MET);
        assertThat(clocks.history(caseId, resolution)).extracting(CaseClocks.StateChange::state)
                .containsExactly(ClockState.RUNNING, ClockState.PAUSED, ClockState.RUNNING);
    }
}
