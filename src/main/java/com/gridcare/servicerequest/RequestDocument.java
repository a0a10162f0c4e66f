package com.gridcare.servicerequest;

/** Documents a service request may need from the customer. */
public enum RequestDocument {
    ID_CARD("identity card / 身份证"),
    BUSINESS_LICENCE("business licence / 营业执照"),
    PROPERTY_CERTIFICATE("property certificate or tenancy agreement / 房产证明或租赁合同"),
    LOAD_LIST("list of electrical loads / 用电设备清单");

    private final String label;

    RequestDocument(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
