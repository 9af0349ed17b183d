package io.coldtrace.api.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CBV 2.0 event hash against the worked examples of GS1's reference implementation
 * (github.com/RalphTro/epcis-event-hash-generator, README "Worked examples" 1-3: each event's JSON-LD, its CBV 2.0
 * pre-hash string and hash), copied here unchanged.
 */
class EventHashTest {
    private static final Map<String, String> EXAMPLE = Map.of("example", "https://ns.example.com/epcis/");

    @Test
    void example1UserExtensionsAtEventLevel() {
        JsonObject event = new JsonObject("""
                {"type": "ObjectEvent", "eventTime": "2020-03-04T11:00:30.000+01:00", "eventTimeZoneOffset": "+01:00",
                 "recordTime": "2020-03-04T11:00:30.999+01:00",
                 "epcList": ["urn:epc:id:sscc:4012345.0000000333", "urn:epc:id:sscc:4012345.0000000111",
                             "urn:epc:id:sscc:4012345.0000000222"],
                 "action": "OBSERVE", "bizStep": "departing", "readPoint": {"id": "urn:epc:id:sgln:4012345.00011.987"},
                 "example:myField1": {"example:mySubField1": "2", "example:mySubField2": "5"},
                 "example:myField2": "0", "example:myField3": {"example:mySubField3": ["3", "1"]}}""");
        String preHash = String.join("", "eventType=ObjectEvent", "eventTime=2020-03-04T10:00:30.000Z",
                "eventTimeZoneOffset=+01:00", "epcList", "epc=https://id.gs1.org/00/040123450000001112",
                "epc=https://id.gs1.org/00/040123450000002225", "epc=https://id.gs1.org/00/040123450000003338",
                "action=OBSERVE", "bizStep=https://ref.gs1.org/cbv/BizStep-departing", "readPoint",
                "id=https://id.gs1.org/414/4012345000115/254/987", "{https://ns.example.com/epcis/}myField1",
                "{https://ns.example.com/epcis/}mySubField1=2", "{https://ns.example.com/epcis/}mySubField2=5",
                "{https://ns.example.com/epcis/}myField2=0", "{https://ns.example.com/epcis/}myField3",
                "{https://ns.example.com/epcis/}mySubField3=1", "{https://ns.example.com/epcis/}mySubField3=3");
        String hash = "ni:///sha-256;6ae96341e0acc6d7a261364751f60e68278a81cdf51da0abb6b4e617014e39d7?ver=CBV2.0";
        assertThat(EventHash.ofPreHash(preHash)).isEqualTo(hash);
        assertThat(EventHash.preHash(event, EXAMPLE)).isEqualTo(preHash);
        assertThat(EventHash.id(event, EXAMPLE)).isEqualTo(hash);
    }

    @Test
    void example2SensorDataWithoutTheListNameInCbv20() {
        JsonObject event = new JsonObject("""
                {"type": "ObjectEvent", "eventTime": "2020-04-01T15:00:00+01:00", "eventTimeZoneOffset": "+01:00",
                 "epcList": ["urn:epc:id:sgtin:4012345.011111.9876"], "action": "OBSERVE", "bizStep": "inspecting",
                 "readPoint": {"id": "urn:epc:id:sgln:4012345.00005.0"},
                 "sensorElementList": [{
                   "sensorMetadata": {"deviceID": "urn:epc:id:giai:4000001.111",
                                      "deviceMetadata": "https://id.gs1.org/8004/4000001111"},
                   "sensorReport": [
                     {"type": "Temperature", "value": 26, "sDev": 0.1, "uom": "CEL"},
                     {"type": "AbsoluteHumidity", "value": 12.1, "uom": "A93"},
                     {"type": "Dimensionless", "microorganism": "https://www.ncbi.nlm.nih.gov/taxonomy/1126011",
                      "value": 0.05, "uom": "C35"},
                     {"type": "Dimensionless",
                      "chemicalSubstance": "https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N",
                      "value": 0.18, "uom": "C35"}]}]}""");
        String preHash = String.join("", "eventType=ObjectEvent", "eventTime=2020-04-01T14:00:00.000Z",
                "eventTimeZoneOffset=+01:00", "epcList", "epc=https://id.gs1.org/01/04012345111118/21/9876",
                "action=OBSERVE", "bizStep=https://ref.gs1.org/cbv/BizStep-inspecting", "readPoint",
                "id=https://id.gs1.org/414/4012345000054", "sensorElement", "sensorMetadata",
                "deviceID=https://id.gs1.org/8004/4000001111", "deviceMetadata=https://id.gs1.org/8004/4000001111",
                "sensorReport", "type=https://ref.gs1.org/voc/AbsoluteHumidity", "value=12.1", "uom=A93",
                "sensorReport", "type=https://ref.gs1.org/voc/Dimensionless",
                "chemicalSubstance=https://identifiers.org/inchikey:CZMRCDWAGMRECN-UGDNZRGBSA-N", "value=0.18",
                "uom=C35", "sensorReport", "type=https://ref.gs1.org/voc/Dimensionless",
                "microorganism=https://www.ncbi.nlm.nih.gov/taxonomy/1126011", "value=0.05", "uom=C35",
                "sensorReport", "type=https://ref.gs1.org/voc/Temperature", "value=26", "sDev=0.1", "uom=CEL");
        String hash = "ni:///sha-256;271565c346ae2fb28c4583c4dca4ab4772d465eb4e0b6e548d77d8b49377d95c?ver=CBV2.0";
        assertThat(EventHash.ofPreHash(preHash)).isEqualTo(hash);
        assertThat(EventHash.preHash(event, Map.of())).isEqualTo(preHash);
        assertThat(EventHash.id(event, Map.of())).isEqualTo(hash);
    }

    @Test
    void example3TransactionsSourcesDestinationsAndAReadPointExtension() {
        JsonObject event = new JsonObject("""
                {"type": "ObjectEvent", "eventTime": "2020-03-04T11:00:30+01:00", "eventTimeZoneOffset": "+01:00",
                 "epcList": ["urn:epc:id:sgtin:0614141.011111.987"], "action": "OBSERVE", "bizStep": "departing",
                 "disposition": "in_transit",
                 "readPoint": {"id": "urn:epc:id:sgln:4012345.00011.0", "example:myField1": "AB-12"},
                 "bizTransactionList": [{"type": "po", "bizTransaction": "urn:epc:id:gdti:4012345.11111.123"}],
                 "sourceList": [{"type": "owning_party", "source": "urn:epc:id:pgln:4012345.00000"}],
                 "destinationList": [{"type": "owning_party", "destination": "urn:epc:id:pgln:0614141.00000"}],
                 "example:userExt": "CD-34"}""");
        String preHash = String.join("", "eventType=ObjectEvent", "eventTime=2020-03-04T10:00:30.000Z",
                "eventTimeZoneOffset=+01:00", "epcList", "epc=https://id.gs1.org/01/00614141111114/21/987",
                "action=OBSERVE", "bizStep=https://ref.gs1.org/cbv/BizStep-departing",
                "disposition=https://ref.gs1.org/cbv/Disp-in_transit", "readPoint",
                "id=https://id.gs1.org/414/4012345000115", "bizTransactionList", "type=https://ref.gs1.org/cbv/BTT-po",
                "bizTransaction=https://id.gs1.org/253/4012345111118123", "sourceList",
                "type=https://ref.gs1.org/cbv/SDT-owning_party", "source=https://id.gs1.org/417/4012345000009",
                "destinationList", "type=https://ref.gs1.org/cbv/SDT-owning_party",
                "destination=https://id.gs1.org/417/0614141000005", "readPoint",
                "{https://ns.example.com/epcis/}myField1=AB-12", "{https://ns.example.com/epcis/}userExt=CD-34");
        String hash = "ni:///sha-256;3ae14c02c4bdc220cc31942cf804f6845eb8dec96ba6483391c92a9b165f9329?ver=CBV2.0";
        assertThat(EventHash.ofPreHash(preHash)).isEqualTo(hash);
        assertThat(EventHash.preHash(event, EXAMPLE)).isEqualTo(preHash);
        assertThat(EventHash.id(event, EXAMPLE)).isEqualTo(hash);
    }

    @Test
    void aLotOnAnotherHostIsHashedAsItsCanonicalDigitalLink() {
        assertThat(EpcUris.canonical("https://trace.example.com/01/09520123456788/10/L%2F1?x=1"))
                .isEqualTo("https://id.gs1.org/01/09520123456788/10/L%2F1");
        assertThat(EpcUris.canonical("https://trace.example.com/id/o1/lot/L-1"))
                .isEqualTo("https://trace.example.com/id/o1/lot/L-1");
    }
}
