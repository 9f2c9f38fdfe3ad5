{{/*
The Kubernetes objects every service has, parameterised by (dict "ctx" $ "component" "gateway|session|archive").
Each service's environment comes from its ConfigMap (templates/<component>/configmap.yaml) and, for secrets,
from "wechat-api.<component>.secretEnv" below.
*/}}

{{/*
A probe: (dict "ctx" $ "component" c "kind" "startup|liveness|readiness" "path" "/actuator/health/liveness").
*/}}
{{- define "wechat-api.probe" -}}
{{- $values := index .ctx.Values .component }}
{{- $settings := mergeOverwrite (deepCopy (index .ctx.Values.probes .kind)) (index ($values.probes | default dict) .kind | default dict) }}
httpGet:
  path: {{ .path }}
  port: http
{{- range $field := list "initialDelaySeconds" "periodSeconds" "timeoutSeconds" "failureThreshold" "successThreshold" }}
{{- if hasKey $settings $field }}
{{ $field }}: {{ index $settings $field }}
{{- end }}
{{- end }}
{{- end }}

{{- define "wechat-api.startupProbeEnabled" -}}
{{- $values := index .ctx.Values .component }}
{{- $settings := mergeOverwrite (deepCopy .ctx.Values.probes.startup) (($values.probes | default dict).startup | default dict) }}
{{- if $settings.enabled }}true{{ end }}
{{- end }}

{{/*
Topology spread: the component's own constraints, else one per configured topology key.
*/}}
{{- define "wechat-api.topologySpreadConstraints" -}}
{{- $values := index .ctx.Values .component }}
{{- if $values.topologySpreadConstraints }}
{{- toYaml $values.topologySpreadConstraints }}
{{- else if .ctx.Values.topologySpread.enabled }}
{{- $top := . }}
{{- range .ctx.Values.topologySpread.topologyKeys }}
- maxSkew: {{ $top.ctx.Values.topologySpread.maxSkew }}
  topologyKey: {{ . }}
  whenUnsatisfiable: {{ $top.ctx.Values.topologySpread.whenUnsatisfiable }}
  labelSelector:
    matchLabels:
      {{- include "wechat-api.componentSelectorLabels" $top | nindent 6 }}
{{- end }}
{{- end }}
{{- end }}

{{/*
An environment variable from a Secret: (dict "name" ENV "secret" name "key" key "optional" bool).
*/}}
{{- define "wechat-api.secretEnvVar" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .secret }}
      key: {{ .key }}
      {{- if .optional }}
      optional: true
      {{- end }}
{{- end }}

{{- define "wechat-api.databasePasswordEnv" -}}
{{- $keyName := ternary "gatewayPassword" "archivePassword" (eq .component "gateway") }}
{{- $secret := include "wechat-api.databaseSecretName" .ctx }}
{{- $key := index .ctx.Values.externalDatabase.existingSecretKeys $keyName }}
{{ include "wechat-api.secretEnvVar" (dict "name" "SPRING_R2DBC_PASSWORD" "secret" $secret "key" $key) }}
{{ include "wechat-api.secretEnvVar" (dict "name" "SPRING_FLYWAY_PASSWORD" "secret" $secret "key" $key) }}
{{- end }}

{{- define "wechat-api.mediaLinkSecretsEnv" -}}
{{ include "wechat-api.secretEnvVar" (dict "name" "WECHAT_MEDIA_LINK_SECRETS" "secret" (include "wechat-api.appSecretName" .) "key" .Values.secrets.keys.mediaLinkSecrets "optional" (not (empty .Values.secrets.existingSecret))) }}
{{- end }}

{{- define "wechat-api.gateway.secretEnv" -}}
{{- $ctx := .ctx }}
{{- include "wechat-api.databasePasswordEnv" . }}
{{- if include "wechat-api.redisPasswordEnabled" $ctx }}
{{ include "wechat-api.secretEnvVar" (dict "name" "SPRING_DATA_REDIS_PASSWORD" "secret" (include "wechat-api.redisSecretName" $ctx) "key" $ctx.Values.externalRedis.existingSecretPasswordKey) }}
{{- end }}
{{ include "wechat-api.secretEnvVar" (dict "name" "WECHAT_GATEWAY_LINK_SECRET" "secret" (include "wechat-api.appSecretName" $ctx) "key" $ctx.Values.secrets.keys.linkSecret) }}
{{- if or $ctx.Values.secrets.existingSecret $ctx.Values.gateway.adminToken }}
{{ include "wechat-api.secretEnvVar" (dict "name" "WECHAT_GATEWAY_ADMIN_TOKEN" "secret" (include "wechat-api.appSecretName" $ctx) "key" $ctx.Values.secrets.keys.adminToken "optional" true) }}
{{- end }}
{{ include "wechat-api.mediaLinkSecretsEnv" $ctx }}
{{- end }}

{{- define "wechat-api.session.secretEnv" -}}
{{ include "wechat-api.secretEnvVar" (dict "name" "WECHAT_SESSION_CREDENTIALS_KEY" "secret" (include "wechat-api.appSecretName" .ctx) "key" .ctx.Values.secrets.keys.credentialsKey) }}
{{- end }}

{{- define "wechat-api.archive.secretEnv" -}}
{{- include "wechat-api.databasePasswordEnv" . }}
{{ include "wechat-api.mediaLinkSecretsEnv" .ctx }}
{{- end }}

{{/*
Deployment.
*/}}
{{- define "wechat-api.deployment" -}}
{{- $ctx := .ctx }}
{{- $component := .component }}
{{- $values := index $ctx.Values $component }}
{{- $autoscaled := and (hasKey $values "autoscaling") $values.autoscaling.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "wechat-api.componentFullname" . }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "wechat-api.componentLabels" . | nindent 4 }}
spec:
  {{- if not $autoscaled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ $ctx.Values.revisionHistoryLimit }}
  {{- with $values.strategy }}
  strategy:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "wechat-api.componentSelectorLabels" . | nindent 6 }}
  template:
    metadata:
      annotations:
        checksum/config: {{ include (print $ctx.Template.BasePath "/" $component "/configmap.yaml") $ctx | sha256sum }}
        checksum/secret: {{ include (print $ctx.Template.BasePath "/secret.yaml") $ctx | sha256sum }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "wechat-api.componentLabels" . | nindent 8 }}
        {{- with $values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- with $ctx.Values.global.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      serviceAccountName: {{ include "wechat-api.serviceAccountName" $ctx }}
      automountServiceAccountToken: false
      securityContext:
        {{- toYaml $ctx.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $values.terminationGracePeriodSeconds }}
      {{- with $values.priorityClassName }}
      priorityClassName: {{ . }}
      {{- end }}
      {{- with (include "wechat-api.topologySpreadConstraints" .) }}
      topologySpreadConstraints:
        {{- . | trim | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ $component }}
          image: {{ include "wechat-api.image" . | quote }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $values.containerPort }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "wechat-api.componentFullname" . }}
          env:
            {{- include (printf "wechat-api.%s.secretEnv" $component) . | trim | nindent 12 }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          {{- if include "wechat-api.startupProbeEnabled" . }}
          startupProbe:
            {{- include "wechat-api.probe" (dict "ctx" $ctx "component" $component "kind" "startup" "path" "/actuator/health/liveness") | trim | nindent 12 }}
          {{- end }}
          livenessProbe:
            {{- include "wechat-api.probe" (dict "ctx" $ctx "component" $component "kind" "liveness" "path" "/actuator/health/liveness") | trim | nindent 12 }}
          readinessProbe:
            {{- include "wechat-api.probe" (dict "ctx" $ctx "component" $component "kind" "readiness" "path" "/actuator/health/readiness") | trim | nindent 12 }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          securityContext:
            {{- toYaml $ctx.Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: media
              mountPath: {{ $ctx.Values.media.mountPath }}
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: media
          persistentVolumeClaim:
            claimName: {{ include "wechat-api.mediaClaimName" $ctx }}
        - name: tmp
          emptyDir:
            {{- with $values.tmpSizeLimit }}
            sizeLimit: {{ . }}
            {{- end }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{/*
Service.
*/}}
{{- define "wechat-api.service" -}}
{{- $values := index .ctx.Values .component }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "wechat-api.componentFullname" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "wechat-api.componentLabels" . | nindent 4 }}
  {{- with $values.service.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  ports:
    - name: http
      port: {{ $values.service.port }}
      targetPort: http
      protocol: TCP
  selector:
    {{- include "wechat-api.componentSelectorLabels" . | nindent 4 }}
{{- end }}

{{/*
PodDisruptionBudget.
*/}}
{{- define "wechat-api.pdb" -}}
{{- $values := index .ctx.Values .component }}
{{- if $values.pdb.enabled }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "wechat-api.componentFullname" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "wechat-api.componentLabels" . | nindent 4 }}
spec:
  {{- if and (not (kindIs "invalid" $values.pdb.minAvailable)) (ne (toString $values.pdb.minAvailable) "") }}
  minAvailable: {{ $values.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $values.pdb.maxUnavailable }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "wechat-api.componentSelectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{/*
HorizontalPodAutoscaler.
*/}}
{{- define "wechat-api.hpa" -}}
{{- $values := index .ctx.Values .component }}
{{- if $values.autoscaling.enabled }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "wechat-api.componentFullname" . }}
  namespace: {{ .ctx.Release.Namespace }}
  labels:
    {{- include "wechat-api.componentLabels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "wechat-api.componentFullname" . }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    {{- with $values.autoscaling.targetCPUUtilizationPercentage }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
    {{- with $values.autoscaling.targetMemoryUtilizationPercentage }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ . }}
    {{- end }}
  {{- with $values.autoscaling.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}
