"""Static checks of the deployment files: Dockerfile, compose file and Kubernetes manifests.

No container engine or cluster is needed: the files are parsed, the Kubernetes objects are
validated offline against the schemas `kubernetes-validate` ships, the CRDs (ServiceMonitor,
KEDA) by hand, and the pieces are checked against each other and against the service's own
settings parser, so a renamed variable or a wrong path fails here rather than at deploy time.
"""

from __future__ import annotations

import copy
import fnmatch
import json
import re
import shlex
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from service.config import load_settings

REPO = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO / "deploy" / "compose" / "docker-compose.yml"
K8S = REPO / "deploy" / "k8s"
K8S_VERSION = "1.30"
OBSERVABILITY_FILES = (
    "deploy/prometheus/prometheus.yml",
    "deploy/prometheus/alerts.yml",
    "deploy/grafana/dashboards/geopulse.json",
    "deploy/grafana/provisioning/datasources/prometheus.yml",
    "deploy/grafana/provisioning/dashboards/geopulse.yml",
)
Doc = dict[str, Any]


# --- Dockerfile -------------------------------------------------------------------------------


def dockerfile_stages() -> list[list[tuple[str, str]]]:
    """(INSTRUCTION, arguments) per build stage, continuation lines joined, comments dropped."""
    text = (REPO / "Dockerfile").read_text()
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    stages: list[list[tuple[str, str]]] = []
    for line in joined.splitlines():
        if not line.strip():
            continue
        word, _, rest = line.strip().partition(" ")
        if word.upper() == "FROM":
            stages.append([])
        if stages:
            stages[-1].append((word.upper(), rest.strip()))
    return stages


def dockerignored(path: str) -> bool:
    lines = (REPO / ".dockerignore").read_text().splitlines()
    patterns = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return any(fnmatch.fnmatch(path, p) or path.split("/")[0] == p for p in patterns)


def test_dockerfile_is_multi_stage_slim_non_root_without_build_tools() -> None:
    stages = dockerfile_stages()
    assert len(stages) >= 2, "a build stage and a runtime stage"
    final = stages[-1]
    assert re.match(r"python:\$\{PYTHON_VERSION\}-slim|python:3\.1\d-slim", final[0][1])
    run = " ".join(args for op, args in final if op == "RUN")
    for tool in ("build-essential", "gcc", "apt-get install"):
        assert tool not in run, f"{tool} in the runtime stage"
    assert "build-essential" in " ".join(a for op, a in stages[0] if op == "RUN")
    users = [args for op, args in final if op == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    env = " ".join(args for op, args in final if op == "ENV")
    assert "GEOPULSE_WEB_HOST=0.0.0.0" in env
    assert "GEOPULSE_DATA_DIR=" in env


def test_dockerfile_compiles_the_tagger_and_ships_the_compiled_build() -> None:
    stages = dockerfile_stages()
    build_runs = " ".join(args for op, args in stages[0] if op == "RUN")
    assert "python -m service native build" in build_runs
    assert "native status" in build_runs  # exits non-zero: no image without the compiled tagger
    final_env = " ".join(args for op, args in stages[-1] if op == "ENV")
    assert "PYTHONPATH=/app" in final_env  # the compiled copy, whatever the working directory
    copies = [args for op, args in stages[-1] if op == "COPY"]
    assert any(c.startswith("--from=build /src/service") for c in copies)
    for local in ("service/tagging/events.cpython-311-x86_64-linux-gnu.so", "x/y.so"):
        assert dockerignored(local), f"a local build ({local}) would shadow the image's own"
    assert dockerignored("service/tagging/native.digest")


def test_dockerfile_runs_the_worker_and_checks_health() -> None:
    final = dict(dockerfile_stages()[-1])
    assert json.loads(final["ENTRYPOINT"]) == ["python", "-m", "service"]
    assert json.loads(final["CMD"]) == ["worker"]
    health = final["HEALTHCHECK"]
    assert "/health" in health and "--start-period" in health
    assert "EXPOSE" in final and final["EXPOSE"] == "6066"


def test_dockerfile_copies_only_files_that_exist_and_are_not_ignored() -> None:
    sources = []
    for stage in dockerfile_stages():
        for op, args in stage:
            if op == "COPY" and "--from=" not in args:
                words = [w for w in args.split() if not w.startswith("--")]
                sources.extend(words[:-1])
    assert sources
    for source in sources:
        assert (REPO / source).exists(), source
        assert not dockerignored(source), f"{source} is excluded by .dockerignore"
    for private in (".git", ".venv", ".geopulse", "tests"):
        assert dockerignored(private), f"{private} would be sent to the build"


# --- compose ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose() -> Doc:
    doc: Doc = yaml.safe_load(COMPOSE_FILE.read_text())
    return doc


def service_env(service: Doc) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: str(v) for k, v in env.items()}


def test_compose_has_every_service(compose: Doc) -> None:
    services = compose["services"]
    wanted = {"kafka", "topic-init", "geopulse", "producer", "prometheus", "grafana"}
    assert wanted <= set(services)
    assert services["kafka"]["image"].startswith("apache/kafka:")
    kafka_env = service_env(services["kafka"])
    assert "controller" in kafka_env["KAFKA_PROCESS_ROLES"], "KRaft: no ZooKeeper"
    assert not any("zookeeper" in name for name in services)
    # Clients inside the compose network must be told an address they can reach.
    broker = service_env(services["geopulse"])["GEOPULSE_BROKER"]
    assert f"PLAINTEXT://{broker}" in kafka_env["KAFKA_ADVERTISED_LISTENERS"].split(",")


def test_compose_geopulse_is_two_workers_on_six_partitions(compose: Doc) -> None:
    geo = compose["services"]["geopulse"]
    assert geo["deploy"]["replicas"] == 2
    env = service_env(geo)
    settings = load_settings(env)  # what the worker itself would accept
    assert settings.brokers == ("kafka:9092",)
    assert settings.partitions == 6
    assert settings.web_host == "0.0.0.0"
    assert str(settings.web_port) in [str(p) for p in geo["expose"]]
    assert (COMPOSE_FILE.parent / geo["build"]["context"] / geo["build"]["dockerfile"]).is_file()
    assert geo["depends_on"]["topic-init"]["condition"] == "service_completed_successfully"
    assert geo["depends_on"]["kafka"]["condition"] == "service_healthy"


def test_compose_topic_init_creates_the_workers_topics(compose: Doc) -> None:
    services = compose["services"]
    settings = load_settings(service_env(services["geopulse"]))
    script = " ".join(services["topic-init"]["command"])
    assert f"--partitions {settings.partitions}" in script
    for topic in settings.topics():
        assert topic in script, topic
    assert services["topic-init"]["depends_on"]["kafka"]["condition"] == "service_healthy"


def test_compose_producer_publishes_the_demo_articles(compose: Doc) -> None:
    producer = compose["services"]["producer"]
    assert producer["image"] == compose["services"]["geopulse"]["image"]
    command = " ".join(producer["command"])
    match = re.search(r"python -m service produce (\S+)", command)
    assert match, command
    # The image copies service/ to /app/service (see the Dockerfile).
    in_repo = REPO / match.group(1).removeprefix("/app/")
    assert in_repo.is_file(), in_repo
    load_settings(service_env(producer))


def test_compose_ports_and_healthchecks(compose: Doc) -> None:
    services = compose["services"]
    published = {
        name: [str(p).rsplit(":", 1)[-1] for p in svc.get("ports", [])]
        for name, svc in services.items()
    }
    assert published["prometheus"] == ["9090"]
    assert published["grafana"] == ["3000"]
    assert published["kafka"] == ["9094"]
    assert not published["geopulse"], "two replicas cannot publish one host port"
    host_ports = [str(p).rsplit(":", 2)[-2] for s in services.values() for p in s.get("ports", [])]
    assert len(host_ports) == len(set(host_ports))
    for name in ("kafka", "geopulse", "prometheus", "grafana"):
        test = services[name]["healthcheck"]["test"]
        assert test[0] in ("CMD", "CMD-SHELL") and len(test) > 1, name
    geo_check = " ".join(services["geopulse"]["healthcheck"]["test"])
    assert "/health" in geo_check and ":6066/" in geo_check


def bind_sources(compose: Doc) -> list[tuple[str, str]]:
    """(service, source) for every bind mount, with named volumes checked on the way."""
    named = set(compose.get("volumes") or {})
    binds = []
    for name, svc in compose["services"].items():
        for volume in svc.get("volumes", []):
            source = volume.split(":")[0] if isinstance(volume, str) else volume["source"]
            if source.startswith((".", "/")):
                binds.append((name, source))
            else:
                assert source in named, f"{name}: volume {source} is not declared"
    return binds


def test_compose_bind_mounts_exist_in_the_repo(compose: Doc) -> None:
    binds = bind_sources(compose)
    mounted = {
        (COMPOSE_FILE.parent / source).resolve().relative_to(REPO).as_posix() for _, source in binds
    }
    assert {"deploy/prometheus/prometheus.yml", "deploy/prometheus/alerts.yml"} <= mounted
    for name, source in binds:
        assert (COMPOSE_FILE.parent / source).exists(), f"{name}: {source} does not exist"
    for path in OBSERVABILITY_FILES:
        assert (REPO / path).is_file(), f"{path} is missing"
        assert any(path == m or path.startswith(m + "/") for m in mounted), f"{path} not mounted"


def test_compose_wires_prometheus_and_grafana_to_the_workers(compose: Doc) -> None:
    prometheus = (REPO / "deploy/prometheus/prometheus.yml").read_text()
    config = yaml.safe_load(prometheus)
    (job,) = config["scrape_configs"]
    (discovery,) = job["dns_sd_configs"]  # every replica, not one at random
    assert (discovery["names"], discovery["type"], discovery["port"]) == (["geopulse"], "A", 6066)
    assert "geopulse" in compose["services"]
    mounts = dict(v.split(":")[:2][::-1] for v in compose["services"]["prometheus"]["volumes"])
    for rule_file in config.get("rule_files", []):
        target = rule_file if rule_file.startswith("/") else f"/etc/prometheus/{rule_file}"
        assert target in mounts, f"rule file {rule_file} is not mounted"
    datasources = (REPO / "deploy/grafana/provisioning/datasources/prometheus.yml").read_text()
    assert "http://prometheus:9090" in datasources
    providers = yaml.safe_load(
        (REPO / "deploy/grafana/provisioning/dashboards/geopulse.yml").read_text()
    )
    grafana_mounts = [v.split(":")[1] for v in compose["services"]["grafana"]["volumes"]]
    for provider in providers["providers"]:
        path = provider["options"]["path"]
        assert any(path == m or path.startswith(m + "/") for m in grafana_mounts), path
    json.loads((REPO / "deploy/grafana/dashboards/geopulse.json").read_text())


# --- Kubernetes -------------------------------------------------------------------------------


def k8s_objects() -> list[Doc]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    docs: list[Doc] = []
    for name in kustomization["resources"]:
        docs.extend(d for d in yaml.safe_load_all((K8S / name).read_text()) if d)
    return docs


@pytest.fixture(scope="module")
def k8s() -> dict[str, Doc]:
    """The manifests by kind (one object of each kind)."""
    objects = k8s_objects()
    by_kind = {d["kind"]: d for d in objects}
    assert len(by_kind) == len(objects), "one object per kind is what these checks assume"
    return by_kind


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    assert kustomization["kind"] == "Kustomization"
    on_disk = {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == on_disk
    assert kustomization["namespace"]


BUILT_IN = ("Namespace", "ConfigMap", "Secret", "Deployment", "Service", "PodDisruptionBudget")


@pytest.mark.parametrize("kind", BUILT_IN)
def test_built_in_objects_match_the_kubernetes_schema(k8s: dict[str, Doc], kind: str) -> None:
    kubernetes_validate.validate(k8s[kind], K8S_VERSION, strict=True)


def test_schema_validation_rejects_a_broken_deployment(k8s: dict[str, Doc]) -> None:
    """The validator really runs offline: typos and wrong types are caught."""
    broken = copy.deepcopy(k8s["Deployment"])
    broken["spec"]["replicas"] = "two"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)
    broken = copy.deepcopy(k8s["Deployment"])
    broken["spec"]["template"]["spec"]["containers"][0]["livenessProbes"] = {}
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, K8S_VERSION, strict=True)


def container(k8s: dict[str, Doc]) -> Doc:
    containers: list[Doc] = k8s["Deployment"]["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def test_deployment_probes_resources_and_security(k8s: dict[str, Doc]) -> None:
    pod = k8s["Deployment"]["spec"]["template"]["spec"]
    c = container(k8s)
    assert c["readinessProbe"]["httpGet"]["path"] == "/ready"
    assert c["livenessProbe"]["httpGet"]["path"] == "/health"
    ports = {p["name"]: p["containerPort"] for p in c["ports"]}
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert c[probe]["httpGet"]["port"] in ports
    for section in ("requests", "limits"):
        assert {"cpu", "memory"} <= set(c["resources"][section]), section
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] != 0
    sc = c["securityContext"]
    assert sc["readOnlyRootFilesystem"] is True
    assert sc["allowPrivilegeEscalation"] is False
    assert sc["capabilities"]["drop"] == ["ALL"]
    assert k8s["Deployment"]["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0


def test_worker_settings_load_and_data_dir_is_writable(k8s: dict[str, Doc]) -> None:
    env = dict(k8s["ConfigMap"]["data"])
    secret = k8s["Secret"]["stringData"]
    c = container(k8s)
    for var in c["env"]:
        ref = var["valueFrom"]["secretKeyRef"]
        assert ref["name"] == k8s["Secret"]["metadata"]["name"]
        env[var["name"]] = secret[ref["key"]]
    assert c["envFrom"] == [{"configMapRef": {"name": k8s["ConfigMap"]["metadata"]["name"]}}]
    settings = load_settings(env)
    assert settings.security.sasl_mechanism and settings.security.sasl_password
    assert settings.replication_factor == 3, "topics a worker creates must survive a lost broker"
    assert settings.web_host == "0.0.0.0"
    assert settings.web_port in [p["containerPort"] for p in c["ports"]]
    volumes = {v["name"]: v for v in k8s["Deployment"]["spec"]["template"]["spec"]["volumes"]}
    mounts = {m["mountPath"]: m["name"] for m in c["volumeMounts"]}
    assert "emptyDir" in volumes[mounts[str(settings.data_dir)]], "GEOPULSE_DATA_DIR"
    assert "emptyDir" in volumes[mounts["/tmp"]]


def test_selectors_match_the_worker_pods(k8s: dict[str, Doc]) -> None:
    labels = k8s["Deployment"]["spec"]["template"]["metadata"]["labels"]

    def selects(selector: dict[str, str]) -> bool:
        return bool(selector) and selector.items() <= labels.items()

    assert selects(k8s["Deployment"]["spec"]["selector"]["matchLabels"])
    assert selects(k8s["Service"]["spec"]["selector"])
    assert selects(k8s["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"])
    service_labels = k8s["Service"]["metadata"]["labels"]
    monitor = k8s["ServiceMonitor"]["spec"]
    assert monitor["selector"]["matchLabels"].items() <= service_labels.items()
    service_ports = {p["name"] for p in k8s["Service"]["spec"]["ports"]}
    assert {e["port"] for e in monitor["endpoints"]} <= service_ports
    assert all(e.get("path", "/metrics") == "/metrics" for e in monitor["endpoints"])


def test_crds_have_their_required_structure(k8s: dict[str, Doc]) -> None:
    expected = {
        "ServiceMonitor": "monitoring.coreos.com/v1",
        "ScaledObject": "keda.sh/v1alpha1",
        "TriggerAuthentication": "keda.sh/v1alpha1",
    }
    for kind, api_version in expected.items():
        assert k8s[kind]["apiVersion"] == api_version, kind
        assert re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", k8s[kind]["metadata"]["name"])
        assert isinstance(k8s[kind]["spec"], dict)
    for endpoint in k8s["ServiceMonitor"]["spec"]["endpoints"]:
        assert endpoint["port"] and re.fullmatch(r"\d+s", endpoint["interval"])
    secret_keys = set(k8s["Secret"]["stringData"])
    for ref in k8s["TriggerAuthentication"]["spec"]["secretTargetRef"]:
        assert ref["name"] == k8s["Secret"]["metadata"]["name"]
        assert ref["key"] in secret_keys
        assert ref["parameter"] in {"sasl", "username", "password", "tls", "ca", "cert", "key"}


def test_autoscaling_follows_lag_and_stops_at_the_partition_count(k8s: dict[str, Doc]) -> None:
    settings = load_settings(k8s["ConfigMap"]["data"])
    spec = k8s["ScaledObject"]["spec"]
    target = spec["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", k8s["Deployment"]["metadata"]["name"])
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] == settings.partitions
    (trigger,) = spec["triggers"]
    assert trigger["type"] == "kafka"
    meta = trigger["metadata"]
    assert int(meta["lagThreshold"]) > 0
    assert meta["consumerGroup"] == settings.group
    assert meta["topic"] == settings.input_topic
    assert tuple(meta["bootstrapServers"].split(",")) == settings.brokers
    assert all(isinstance(v, str) for v in meta.values()), "KEDA metadata values are strings"
    assert trigger["authenticationRef"]["name"] == k8s["TriggerAuthentication"]["metadata"]["name"]


def test_kustomize_image_matches_the_container(k8s: dict[str, Doc]) -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    names = {image["name"] for image in kustomization["images"]}
    assert container(k8s)["image"] in names
    assert shlex.join(container(k8s)["args"]) == "worker"
