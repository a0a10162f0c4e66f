package com.gridcare.bench;

import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerFacts;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic customer base kept in primitive arrays (about 40 bytes a customer), so
 * that a million customers fit and every variant builds its own input objects as a real decision would.
 * Mix: 80 % residential, 12 % commercial, 5 % industrial, 2 % agricultural, 1 % public; consumption,
 * voltage and capacity spread so that every tier and every offer occurs.
 */
final class SyntheticCustomers {

    final int size;
    final byte[] customerClass;
    final double[] annualKwh;
    final float[] supplyVoltageKv;
    final float[] contractedCapacityKva;
    final float[] tenureYears;
    final float[] onTimePaymentShare;
    final byte[] contractTermYears;
    final short[] contacts;
    final short[] digitalContacts;
    final byte[] billingComplaints;
    /** bit 0 critical load, 1 priority care, 2 green preference, 3 green plan, 4 arrears over 90 days */
    final byte[] bits;

    SyntheticCustomers(int size, long seed) {
        this.size = size;
        customerClass = new byte[size];
        annualKwh = new double[size];
        supplyVoltageKv = new float[size];
        contractedCapacityKva = new float[size];
        tenureYears = new float[size];
        onTimePaymentShare = new float[size];
        contractTermYears = new byte[size];
        contacts = new short[size];
        digitalContacts = new short[size];
        billingComplaints = new byte[size];
        bits = new byte[size];
        var random = new SplittableRandom(seed);
        var classes = CustomerClass.values();
        for (int i = 0; i < size; i++) {
            int draw = random.nextInt(100);
            var c = draw < 80 ? CustomerClass.RESIDENTIAL : draw < 92 ? CustomerClass.COMMERCIAL
                    : draw < 97 ? CustomerClass.INDUSTRIAL : draw < 99 ? CustomerClass.AGRICULTURAL : CustomerClass.PUBLIC;
            customerClass[i] = (byte) c.ordinal();
            boolean residential = c == CustomerClass.RESIDENTIAL;
            annualKwh[i] = residential ? 1_000 + random.nextDouble() * 12_000
                    : Math.exp(10 + random.nextDouble() * 7); // 22 MWh .. 24 GWh
            supplyVoltageKv[i] = residential ? 0.22f : new float[] {0.4f, 10, 35, 110}[random.nextInt(4) == 0 ? 3 - random.nextInt(2) : random.nextInt(2)];
            contractedCapacityKva[i] = residential ? 8 : (float) (annualKwh[i] / 3_000 * (0.5 + random.nextDouble()));
            tenureYears[i] = (float) (random.nextDouble() * 20);
            onTimePaymentShare[i] = random.nextInt(10) == 0 ? 0.8f : 0.95f + (float) random.nextDouble() * 0.05f;
            contractTermYears[i] = (byte) (residential ? 0 : random.nextInt(6));
            contacts[i] = (short) random.nextInt(6);
            digitalContacts[i] = (short) (contacts[i] == 0 ? 0 : random.nextInt(contacts[i] + 1));
            billingComplaints[i] = (byte) (random.nextInt(20) == 0 ? 2 : random.nextInt(2));
            int b = 0;
            if (!residential && random.nextInt(50) == 0) b |= 1;
            if (residential && random.nextInt(30) == 0) b |= 2;
            if (random.nextInt(10) == 0) b |= 4;
            if (random.nextInt(20) == 0) b |= 8;
            if (random.nextInt(40) == 0) b |= 16;
            bits[i] = (byte) b;
        }
        assert classes.length == 5;
    }

    boolean residential(int i) {
        return customerClass[i] == CustomerClass.RESIDENTIAL.ordinal();
    }

    /** The customer as the customer rules see it, built the way GridCare builds it for a decision. */
    CustomerFacts facts(int i) {
        var f = new CustomerFacts();
        f.setCustomerId("C" + i);
        f.setCustomerClass(CustomerClass.values()[customerClass[i]]);
        f.setAnnualKwh(annualKwh[i]);
        f.setSupplyVoltageKv(supplyVoltageKv[i]);
        f.setContractedCapacityKva(contractedCapacityKva[i]);
        f.setCriticalLoad((bits[i] & 1) != 0);
        f.setPriorityCare((bits[i] & 2) != 0);
        f.setGreenPreference((bits[i] & 4) != 0);
        f.setGreenPlan((bits[i] & 8) != 0);
        f.setArrearsOver90Days((bits[i] & 16) != 0);
        f.setContactsLastYear(contacts[i]);
        f.setDigitalContactsLastYear(digitalContacts[i]);
        f.setBillingComplaintsLast12Months(billingComplaints[i]);
        f.setTenureYears(tenureYears[i]);
        f.setMonthsAsCustomer((int) (tenureYears[i] * 12));
        f.setContractTermYears(contractTermYears[i]);
        f.setOnTimePaymentShare(onTimePaymentShare[i]);
        return f;
    }
}
