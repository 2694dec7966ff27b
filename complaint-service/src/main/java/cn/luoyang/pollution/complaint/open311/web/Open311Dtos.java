package cn.luoyang.pollution.complaint.open311.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import tools.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import tools.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * GeoReport v2 shapes. JSON is the XML mapped by the spec's "Spark convention": a list at the top
 * is a bare array in JSON and a wrapper element ({@code services}, {@code service_requests},
 * {@code errors}) in XML. Absent optional fields are left out rather than sent as null.
 */
final class Open311Dtos {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"service_code", "service_name", "description", "metadata", "type", "keywords", "group"})
    record Service(@JsonProperty("service_code") String serviceCode, @JsonProperty("service_name") String serviceName,
                   String description, boolean metadata, String type, String keywords, String group) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"service_code", "attributes"})
    @JacksonXmlRootElement(localName = "service_definition")
    record ServiceDefinition(@JsonProperty("service_code") String serviceCode,
                             @JacksonXmlElementWrapper(localName = "attributes") @JacksonXmlProperty(localName = "attribute")
                             @JsonProperty("attributes") List<Attribute> attributes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"})
    record Attribute(boolean variable, String code, String datatype, boolean required,
                     @JsonProperty("datatype_description") String datatypeDescription, int order, String description,
                     @JacksonXmlElementWrapper(localName = "values") @JacksonXmlProperty(localName = "value")
                     @JsonProperty("values") List<AttributeValue> values) {
    }

    record AttributeValue(String key, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"service_request_id", "status", "status_notes", "service_name", "service_code", "description",
            "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
            "address", "address_id", "zipcode", "lat", "long", "media_url"})
    record Request(@JsonProperty("service_request_id") String serviceRequestId, String status,
                   @JsonProperty("status_notes") String statusNotes, @JsonProperty("service_name") String serviceName,
                   @JsonProperty("service_code") String serviceCode, String description,
                   @JsonProperty("agency_responsible") String agencyResponsible,
                   @JsonProperty("service_notice") String serviceNotice,
                   @JsonProperty("requested_datetime") String requestedDatetime,
                   @JsonProperty("updated_datetime") String updatedDatetime,
                   @JsonProperty("expected_datetime") String expectedDatetime, String address,
                   @JsonProperty("address_id") String addressId, String zipcode, Double lat,
                   @JsonProperty("long") Double longitude, @JsonProperty("media_url") String mediaUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"service_request_id", "service_notice", "account_id"})
    record Created(@JsonProperty("service_request_id") String serviceRequestId,
                   @JsonProperty("service_notice") String serviceNotice, @JsonProperty("account_id") String accountId) {
    }

    /** Service Request Updates extension: one change of a request, or (POST) the id a follow-up was kept under. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"update_id", "service_request_id", "status", "updated_datetime", "description", "media_url",
            "external_status_code"})
    record RequestUpdate(@JsonProperty("update_id") String updateId,
                         @JsonProperty("service_request_id") String serviceRequestId, String status,
                         @JsonProperty("updated_datetime") String updatedDatetime, String description,
                         @JsonProperty("media_url") String mediaUrl,
                         @JsonProperty("external_status_code") String externalStatusCode) {

        static RequestUpdate keptAs(String updateId) {
            return new RequestUpdate(updateId, null, null, null, null, null, null);
        }
    }

    @JsonPropertyOrder({"code", "description"})
    record Error(int code, String description) {
    }

    // --- XML wrappers for top-level lists ---

    @JacksonXmlRootElement(localName = "services")
    record ServicesXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "service") List<Service> service) {
    }

    @JacksonXmlRootElement(localName = "service_requests")
    record RequestsXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request") List<?> request) {
    }

    @JacksonXmlRootElement(localName = "service_request_updates")
    record UpdatesXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "request_update")
                      List<RequestUpdate> requestUpdate) {
    }

    @JacksonXmlRootElement(localName = "errors")
    record ErrorsXml(@JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "error") List<Error> error) {
    }

    private Open311Dtos() {
    }
}
