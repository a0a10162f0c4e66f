package com.gridcare.customer;

import com.gridcare.kernel.AllowedGroups;
import com.gridcare.kernel.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/customers/import}: master data of many customers as CSV from the billing system. */
@RestController
class CustomerImportController {

    private final CustomerImport importer;

    CustomerImportController(CustomerImport importer) {
        this.importer = importer;
    }

    @PostMapping(path = "/api/v1/customers/import", consumes = {"text/csv", "text/plain"})
    @ResponseStatus(HttpStatus.ACCEPTED)
    @AllowedGroups(Groups.CHANNEL_SYSTEMS)
    CustomerImport.Result importCustomers(@RequestBody String csv) {
        return importer.importCsv(csv);
    }
}
