{{/*
Naming and labels. Every per-service template is called with a context dict:
  (dict "root" $ "name" "listening" "svc" $.Values.services.listening)
*/}}

{{- define "tribu.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* `tribu` for `helm install tribu`, `<release>-tribu` otherwise. */}}
{{- define "tribu.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Object name of one service: tribu-listening. */}}
{{- define "tribu.service.fullname" -}}
{{- printf "%s-%s" (include "tribu.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The Quarkus application name, as in quarkus.application.name: listening-service; the console's is its artifactId. */}}
{{- define "tribu.service.appName" -}}
{{- if .console -}}
console
{{- else -}}
{{- printf "%s-service" .name -}}
{{- end -}}
{{- end -}}

{{- define "tribu.service.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tribu.service.appName" . }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "tribu.service.labels" -}}
{{ include "tribu.service.selectorLabels" . }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/part-of: tribu
app.kubernetes.io/version: {{ include "tribu.service.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}

{{/* Image tag: service tag, else global tag, else appVersion; native images carry `-native`. */}}
{{- define "tribu.service.imageTag" -}}
{{- $root := .root -}}
{{- $variant := $root.Values.image.variant -}}
{{- if not (has $variant (list "jvm" "native")) -}}
{{- fail (printf "image.variant must be jvm or native, not %q" $variant) -}}
{{- end -}}
{{- $tag := .svc.image.tag | default $root.Values.image.tag | default $root.Chart.AppVersion | toString -}}
{{- if eq $variant "native" -}}
{{- printf "%s-native" $tag -}}
{{- else -}}
{{- $tag -}}
{{- end -}}
{{- end -}}

{{- define "tribu.service.image" -}}
{{- $img := .root.Values.image -}}
{{- $prefix := list $img.registry $img.group | compact | join "/" -}}
{{- $repo := required (printf "services.%s.image.repository is required" .name) .svc.image.repository -}}
{{- if $prefix -}}
{{- printf "%s/%s:%s" $prefix $repo (include "tribu.service.imageTag" .) -}}
{{- else -}}
{{- printf "%s:%s" $repo (include "tribu.service.imageTag" .) -}}
{{- end -}}
{{- end -}}

{{/* Database settings of one service: the top-level database.* overridden by services.<name>.database.* */}}
{{- define "tribu.service.database" -}}
{{- $db := merge (deepCopy (.svc.database | default dict)) (deepCopy .root.Values.database) -}}
{{- toYaml $db -}}
{{- end -}}

{{/*
Non-secret settings of one service, as environment variables. The keys are exactly the
variables the service reads in its application.properties (see the chart README).
*/}}
{{- define "tribu.service.config" -}}
{{- if .console -}}
{{ include "tribu.console.config" . }}
{{- else -}}
{{- $db := include "tribu.service.database" . | fromYaml -}}
{{- $v := .root.Values -}}
QUARKUS_HTTP_PORT: {{ required (printf "services.%s.port is required" .name) .svc.port | quote }}
TRIBU_DB_HOST: {{ required "database.host is required" $db.host | quote }}
TRIBU_DB_PORT: {{ required "database.port is required" $db.port | quote }}
TRIBU_DB_NAME: {{ required (printf "services.%s.database.name is required" .name) $db.name | quote }}
{{- if not $db.userKey }}
TRIBU_DB_USER: {{ required "database.user is required (or database.userKey to read it from the secret)" $db.user | quote }}
{{- end }}
TRIBU_KAFKA_BOOTSTRAP: {{ required "kafka.bootstrapServers is required" $v.kafka.bootstrapServers | quote }}
{{- with .svc.kafka }}{{ with .consumerGroup }}
TRIBU_KAFKA_GROUP: {{ . | quote }}
{{- end }}{{ end }}
{{- with .svc.outbox }}{{ with .pollInterval }}
TRIBU_OUTBOX_POLL_INTERVAL: {{ . | quote }}
{{- end }}{{ end }}
{{- with .svc.credentials }}
TRIBU_CREDENTIALS_ACTIVE_KEY: {{ required "credentials.activeKey is required: the id of the key that seals new credentials" .activeKey | quote }}
{{- end }}
TRIBU_OIDC_ISSUER: {{ required "oidc.issuer is required" $v.oidc.issuer | quote }}
TRIBU_OIDC_AUDIENCE: {{ required "oidc.audience is required" $v.oidc.audience | quote }}
QUARKUS_OIDC_CLIENT_ID: {{ required "oidc.clientId is required" $v.oidc.clientId | quote }}
{{- include "tribu.tracing" $v }}
{{- $managed := list "QUARKUS_HTTP_PORT" "TRIBU_DB_HOST" "TRIBU_DB_PORT" "TRIBU_DB_NAME" "TRIBU_DB_USER" "TRIBU_DB_PASSWORD" "TRIBU_KAFKA_BOOTSTRAP" "TRIBU_KAFKA_GROUP" "TRIBU_OUTBOX_POLL_INTERVAL" "TRIBU_CREDENTIALS_KEYS" "TRIBU_CREDENTIALS_ACTIVE_KEY" "TRIBU_OIDC_ISSUER" "TRIBU_OIDC_AUDIENCE" "QUARKUS_OIDC_CLIENT_ID" "QUARKUS_OTEL_SDK_DISABLED" "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT" }}
{{- include "tribu.settings" (dict "path" (printf "services.%s" .name) "settings" .svc.settings "managed" $managed) }}
{{- end }}
{{- end -}}

{{/*
The console's non-secret settings: the OIDC issuer, audience (of the MCP server's bearer tokens) and client, and where the four services answer
(their Services in this release, whether or not they are enabled here).
*/}}
{{- define "tribu.console.config" -}}
{{- $v := .root.Values -}}
QUARKUS_HTTP_PORT: {{ required "console.port is required" .svc.port | quote }}
TRIBU_OIDC_ISSUER: {{ required "oidc.issuer is required" $v.oidc.issuer | quote }}
TRIBU_OIDC_AUDIENCE: {{ required "oidc.audience is required" $v.oidc.audience | quote }}
TRIBU_CONSOLE_CLIENT_ID: {{ required "console.oidc.clientId is required" .svc.oidc.clientId | quote }}
{{- range $name := list "listening" "moderation" "publishing" "analytics" }}
{{- $svc := index $v.services $name }}
TRIBU_{{ upper $name }}_URL: {{ printf "http://%s:%v" (include "tribu.service.fullname" (dict "root" $.root "name" $name)) $svc.port | quote }}
{{- end }}
{{- include "tribu.tracing" $v }}
{{- $managed := list "QUARKUS_HTTP_PORT" "TRIBU_OIDC_ISSUER" "TRIBU_OIDC_AUDIENCE" "TRIBU_CONSOLE_CLIENT_ID" "TRIBU_CONSOLE_CLIENT_SECRET" "TRIBU_CONSOLE_SESSION_KEY" "TRIBU_LISTENING_URL" "TRIBU_MODERATION_URL" "TRIBU_PUBLISHING_URL" "TRIBU_ANALYTICS_URL" "QUARKUS_OTEL_SDK_DISABLED" "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT" }}
{{- include "tribu.settings" (dict "path" "console" "settings" .svc.settings "managed" $managed) }}
{{- end -}}

{{/* Tracing, the same for every service and the console: set only when on (the applications default to off). */}}
{{- define "tribu.tracing" -}}
{{- if .tracing.enabled }}
QUARKUS_OTEL_SDK_DISABLED: "false"
QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT: {{ required "tracing.otlpEndpoint is required when tracing.enabled: the OTLP/gRPC endpoint of your collector, e.g. http://otel-collector.monitoring:4317" .tracing.otlpEndpoint | quote }}
{{- end }}
{{- end -}}

{{/* A component's own variables (values key "settings"), refused when the chart sets them itself. */}}
{{- define "tribu.settings" -}}
{{- range $key, $value := .settings }}
{{- if has $key $.managed }}
{{- fail (printf "%s.settings.%s: set it with the chart's own value (see values.yaml), not in settings" $.path $key) }}
{{- end }}
{{- if not (regexMatch "^[A-Z][A-Z0-9_]*$" $key) }}
{{- fail (printf "%s.settings.%s: keys are environment variable names, e.g. TRIBU_SOURCES_POLL_TICK" $.path $key) }}
{{- end }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Pod selector matching every pod of this release of the suite. */}}
{{- define "tribu.suiteSelector" -}}
app.kubernetes.io/part-of: tribu
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of the suite-wide monitoring objects (PrometheusRule, dashboards' ConfigMaps); called with the root context. */}}
{{- define "tribu.monitoring.labels" -}}
{{- $ctx := dict "root" . "name" "monitoring" "svc" (dict "image" dict) -}}
app.kubernetes.io/name: {{ include "tribu.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: monitoring
app.kubernetes.io/part-of: tribu
app.kubernetes.io/version: {{ include "tribu.service.imageTag" $ctx | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end -}}
