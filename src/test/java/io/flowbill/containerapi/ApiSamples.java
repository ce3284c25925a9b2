package io.flowbill.containerapi;

/** JSON bodies as the API document prints them (docs/container-api.md), reused across tests. */
final class ApiSamples {

    /** The images example as printed, with its curly quote after {@code constraint}: not valid JSON. */
    static final String IMAGES_AS_PRINTED = """
            { "custom_images": [ { "tag": "v1", "desc": "v1", "weight": 0, "id": 30202, "name": "4638_tomcat2", \
            "constraint": null } ], "public_images": [ { "tag": "latest", "desc": "", "weight": 3, "id": 10005, \
            "name": "centos", "constraint\u201d: { "min_combo": 20, "max_combo": 50, "min_machine_spec": 10, \
            "max_machine_spec": 40 } } ] }""";

    /** The same example with the curly quote straightened. */
    static final String IMAGES = IMAGES_AS_PRINTED.replace('\u201d', '"');

    static final String LIST = """
            { "total": 1, "containers": [ { "id": 100, "name": "name", "desc": "desc", "status": "create_fail", \
            "bandwidth": 100, "replicas": 1, "charge_type": 1, "spec_id": 1, "created_at": "2016-03-19T05:44:17Z", \
            "updated_at": "2016-03-19T05:44:17Z", "public_ip": null, "private_ip": null, "ssh_key_ids": [ 1, 2 ], \
            "network_charge_type": 2, "image_id": 2, "use_public_network": 1, "env_var": { "key": "value" } } ] }""";

    static final String DETAIL = """
            { "id": 10615, "name": "name", "desc": "desc", "status": "creating", "bandwidth": 100, "replicas": 1, \
            "charge_type": 1, "spec_id": 1, "created_at": "2016-03-15T04:26:23Z", "updated_at": "2016-03-15T04:26:23Z", \
            "public_ip": null, "private_ip": null, "ssh_key_ids": "2947", "network_charge_type": 2, "image_id": 2, \
            "use_public_network": 1, "env_var": { "key": "value" } }""";

    static final String FLOW = """
            { "container_up_flow": "1234.0MB", "container_down_flow": "111111.0MB" }""";

    /** The tag answer as printed, {@code { image_id: "409" }} with curly quotes: not JSON. */
    static final String TAG_AS_PRINTED = "{ image_id: \u201c409\u201d }";

    static final String TAG = "{ \"image_id\": \"409\" }";

    private ApiSamples() {
    }
}
