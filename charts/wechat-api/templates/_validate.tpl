{{/*
Checks of the values that a schema cannot express; each fails the render with what to change.
*/}}
{{- define "wechat-api.validate" -}}
{{- $partitions := int .Values.kafka.topicPartitions }}
{{- if gt (int .Values.session.replicaCount) $partitions }}
{{- fail (printf "session.replicaCount (%d) must not exceed kafka.topicPartitions (%d): a session replica owns the sessions of the partitions it is assigned, so replicas beyond the partition count would own nothing" (int .Values.session.replicaCount) $partitions) }}
{{- end }}
{{- if .Values.archive.autoscaling.enabled }}
{{- if gt (int .Values.archive.autoscaling.maxReplicas) $partitions }}
{{- fail (printf "archive.autoscaling.maxReplicas (%d) must not exceed kafka.topicPartitions (%d): archive replicas beyond the partition count of the event topics consume nothing" (int .Values.archive.autoscaling.maxReplicas) $partitions) }}
{{- end }}
{{- else if gt (int .Values.archive.replicaCount) $partitions }}
{{- fail (printf "archive.replicaCount (%d) must not exceed kafka.topicPartitions (%d): archive replicas beyond the partition count of the event topics consume nothing" (int .Values.archive.replicaCount) $partitions) }}
{{- end }}
{{- range $component := list "gateway" "archive" }}
{{- $hpa := (index $.Values $component).autoscaling }}
{{- if and $hpa.enabled (gt (int $hpa.minReplicas) (int $hpa.maxReplicas)) }}
{{- fail (printf "%s.autoscaling.minReplicas (%d) must not exceed %s.autoscaling.maxReplicas (%d)" $component (int $hpa.minReplicas) $component (int $hpa.maxReplicas)) }}
{{- end }}
{{- end }}
{{- if not .Values.externalDatabase.existingSecret }}
{{- if not .Values.externalDatabase.gateway.password }}
{{- fail "externalDatabase.gateway.password is required (the password of externalDatabase.gateway.username), or set externalDatabase.existingSecret" }}
{{- end }}
{{- if not .Values.externalDatabase.archive.password }}
{{- fail "externalDatabase.archive.password is required (the password of externalDatabase.archive.username), or set externalDatabase.existingSecret" }}
{{- end }}
{{- end }}
{{- if not .Values.secrets.existingSecret }}
{{- $key := required "session.credentialsKey is required: base64 of 32 random bytes sealing the saved WeChat sessions (openssl rand -base64 32), the same on every replica; or set secrets.existingSecret" .Values.session.credentialsKey }}
{{- if and $key (ne (len (b64dec $key)) 32) }}
{{- fail "session.credentialsKey must be the base64 of exactly 32 bytes (openssl rand -base64 32)" }}
{{- end }}
{{- range .Values.media.linkSecrets }}
{{- if lt (len .) 32 }}
{{- fail "every entry of media.linkSecrets must be at least 32 characters long" }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
