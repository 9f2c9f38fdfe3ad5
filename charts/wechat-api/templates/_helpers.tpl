{{/*
Expand the name of the chart.
*/}}
{{- define "wechat-api.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Create a default fully qualified app name, truncated so that "<fullname>-<component>" stays within 63 characters.
If release name contains chart name it will be used as a full name.
*/}}
{{- define "wechat-api.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Create chart name and version as used by the chart label.
*/}}
{{- define "wechat-api.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Common labels.
*/}}
{{- define "wechat-api.labels" -}}
helm.sh/chart: {{ include "wechat-api.chart" . }}
{{ include "wechat-api.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: wechat-api
{{- end }}

{{/*
Selector labels.
*/}}
{{- define "wechat-api.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wechat-api.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Per-component helpers take (dict "ctx" $ "component" "gateway|session|archive").
*/}}
{{- define "wechat-api.componentFullname" -}}
{{- printf "%s-%s" (include "wechat-api.fullname" .ctx) .component }}
{{- end }}

{{- define "wechat-api.componentLabels" -}}
{{ include "wechat-api.labels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "wechat-api.componentSelectorLabels" -}}
{{ include "wechat-api.selectorLabels" .ctx }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/*
The image of a component: [registry/]repository:tag, the tag defaulting to the chart's appVersion.
*/}}
{{- define "wechat-api.image" -}}
{{- $image := index .ctx.Values .component "image" }}
{{- $registry := $image.registry | default .ctx.Values.global.imageRegistry }}
{{- $tag := $image.tag | default .ctx.Chart.AppVersion | toString }}
{{- if $registry }}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) $image.repository $tag }}
{{- else }}
{{- printf "%s:%s" $image.repository $tag }}
{{- end }}
{{- end }}

{{/*
The ServiceAccount the pods use.
*/}}
{{- define "wechat-api.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "wechat-api.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Cluster URL of a component's Service, e.g. http://rel-wechat-api-session:8081.
*/}}
{{- define "wechat-api.serviceUrl" -}}
{{- $values := index .ctx.Values .component }}
{{- printf "http://%s:%v" (include "wechat-api.componentFullname" .) $values.service.port }}
{{- end }}

{{/*
The external endpoints: fail with a clear message when one is missing.
*/}}
{{- define "wechat-api.kafkaBootstrapServers" -}}
{{- required "kafka.bootstrapServers is required: the Kafka bootstrap servers, e.g. --set kafka.bootstrapServers=kafka:9092" .Values.kafka.bootstrapServers }}
{{- end }}

{{- define "wechat-api.databaseHost" -}}
{{- required "externalDatabase.host is required: the MySQL 8 / MariaDB server of the gateway and archive databases, e.g. --set externalDatabase.host=mariadb" .Values.externalDatabase.host }}
{{- end }}

{{- define "wechat-api.redisHost" -}}
{{- required "externalRedis.host is required: the Redis of the gateway, e.g. --set externalRedis.host=redis-master" .Values.externalRedis.host }}
{{- end }}

{{/*
R2DBC and JDBC URLs of a database: (dict "ctx" $ "database" "wechat_gateway").
*/}}
{{- define "wechat-api.databaseQuery" -}}
{{- with .ctx.Values.externalDatabase.parameters }}{{ printf "?%s" (trimPrefix "?" .) }}{{ end }}
{{- end }}

{{- define "wechat-api.r2dbcUrl" -}}
{{- $db := .ctx.Values.externalDatabase }}
{{- printf "r2dbc:mysql://%s:%v/%s%s" (include "wechat-api.databaseHost" .ctx) $db.port .database (include "wechat-api.databaseQuery" .) }}
{{- end }}

{{- define "wechat-api.jdbcUrl" -}}
{{- $db := .ctx.Values.externalDatabase }}
{{- printf "jdbc:mariadb://%s:%v/%s%s" (include "wechat-api.databaseHost" .ctx) $db.port .database (include "wechat-api.databaseQuery" .) }}
{{- end }}

{{/*
Secret names: an existing Secret when given, else the chart's own.
*/}}
{{- define "wechat-api.databaseSecretName" -}}
{{- .Values.externalDatabase.existingSecret | default (include "wechat-api.fullname" .) }}
{{- end }}

{{- define "wechat-api.redisSecretName" -}}
{{- .Values.externalRedis.existingSecret | default (include "wechat-api.fullname" .) }}
{{- end }}

{{- define "wechat-api.appSecretName" -}}
{{- .Values.secrets.existingSecret | default (include "wechat-api.fullname" .) }}
{{- end }}

{{/*
Whether the Redis password is passed at all (a chart-rendered one only when set).
*/}}
{{- define "wechat-api.redisPasswordEnabled" -}}
{{- if or .Values.externalRedis.existingSecret .Values.externalRedis.password }}true{{ end }}
{{- end }}

{{/*
Whether the chart renders a Secret of its own.
*/}}
{{- define "wechat-api.createSecret" -}}
{{- if or (not .Values.externalDatabase.existingSecret) (and (not .Values.externalRedis.existingSecret) .Values.externalRedis.password) (not .Values.secrets.existingSecret) }}true{{ end }}
{{- end }}

{{/*
A secret derived from session.credentialsKey when no value is given: SHA-256 of a label and the key, so it is the
same on every render (upgrades, GitOps) without a cluster lookup, and reveals nothing of the key.
(dict "ctx" $ "label" "link-secret")
*/}}
{{- define "wechat-api.derivedSecret" -}}
{{- sha256sum (printf "wechat-api/%s/%s" .label .ctx.Values.session.credentialsKey) }}
{{- end }}

{{/*
Name of the media claim.
*/}}
{{- define "wechat-api.mediaClaimName" -}}
{{- .Values.media.persistence.existingClaim | default (printf "%s-media" (include "wechat-api.fullname" .)) }}
{{- end }}

{{/*
The gateway's server.forward-headers-strategy.
*/}}
{{- define "wechat-api.forwardHeadersStrategy" -}}
{{- if .Values.gateway.forwardHeadersStrategy }}
{{- .Values.gateway.forwardHeadersStrategy }}
{{- else if .Values.gateway.ingress.enabled }}
{{- "framework" }}
{{- end }}
{{- end }}

{{/*
Public base URL of the gateway for the archive's webhook bodies.
*/}}
{{- define "wechat-api.gatewayPublicUrl" -}}
{{- if .Values.archive.webhooksGatewayUrl }}
{{- .Values.archive.webhooksGatewayUrl }}
{{- else if and .Values.gateway.ingress.enabled .Values.gateway.ingress.hosts }}
{{- $host := (first .Values.gateway.ingress.hosts).host }}
{{- printf "%s://%s" (ternary "https" "http" (gt (len .Values.gateway.ingress.tls) 0)) $host }}
{{- else }}
{{- include "wechat-api.serviceUrl" (dict "ctx" . "component" "gateway") }}
{{- end }}
{{- end }}

{{/*
Spring properties as environment variables: "wechat.archive.read-cache-size" -> WECHAT_ARCHIVE_READ_CACHE_SIZE.
Takes a map; renders ConfigMap data lines.
*/}}
{{- define "wechat-api.propertiesAsEnv" -}}
{{- range $property, $value := . }}
{{ $property | replace "." "_" | replace "-" "_" | replace "[" "_" | replace "]" "" | upper }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
