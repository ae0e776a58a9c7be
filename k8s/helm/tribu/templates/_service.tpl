{{/*
The objects of one service. Each define takes the context dict built in services.yaml:
  (dict "root" $ "name" "listening" "svc" $.Values.services.listening)
The console's are the same objects, from console.yaml with "console" true in the dict: no database,
its own settings and Secret (tribu.service.config and tribu.service.secretEnv tell them apart).
*/}}

{{- define "tribu.service.serviceAccount" -}}
{{- if .root.Values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end }}
{{- end -}}

{{- define "tribu.service.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
data:
  {{- include "tribu.service.config" . | nindent 2 }}
{{- end -}}

{{- define "tribu.service.service" -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "tribu.service.selectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .svc.port }}
      targetPort: http
      protocol: TCP
{{- end -}}

{{- define "tribu.service.deployment" -}}
{{- $v := .root.Values -}}
{{- $probes := $v.probes -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
spec:
  {{- if not .svc.autoscaling.enabled }}
  replicas: {{ .svc.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "tribu.service.selectorLabels" . | nindent 6 }}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        {{- include "tribu.service.labels" . | nindent 8 }}
      annotations:
        # Rolls the pods when a setting changes.
        checksum/config: {{ include "tribu.service.config" . | sha256sum }}
        {{- with .svc.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- if $v.serviceAccount.create }}
      serviceAccountName: {{ include "tribu.service.fullname" . }}
      {{- end }}
      automountServiceAccountToken: false
      {{- with $v.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $v.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: 30
      {{- if $v.topologySpread.enabled }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: {{ $v.topologySpread.topologyKey }}
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "tribu.service.selectorLabels" . | nindent 14 }}
      {{- end }}
      containers:
        - name: {{ include "tribu.service.appName" . }}
          image: {{ include "tribu.service.image" . }}
          imagePullPolicy: {{ $v.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .svc.port }}
              protocol: TCP
          envFrom:
            - configMapRef:
                name: {{ include "tribu.service.fullname" . }}
          env:
            {{- include "tribu.service.secretEnv" . | nindent 12 }}
            {{- with .svc.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          startupProbe:
            httpGet:
              path: {{ $probes.startup.path }}
              port: http
            periodSeconds: {{ $probes.startup.periodSeconds }}
            failureThreshold: {{ $probes.startup.failureThreshold }}
          livenessProbe:
            httpGet:
              path: {{ $probes.liveness.path }}
              port: http
            periodSeconds: {{ $probes.liveness.periodSeconds }}
            timeoutSeconds: {{ $probes.liveness.timeoutSeconds }}
            failureThreshold: {{ $probes.liveness.failureThreshold }}
          readinessProbe:
            httpGet:
              path: {{ $probes.readiness.path }}
              port: http
            periodSeconds: {{ $probes.readiness.periodSeconds }}
            timeoutSeconds: {{ $probes.readiness.timeoutSeconds }}
            failureThreshold: {{ $probes.readiness.failureThreshold }}
          resources:
            {{- toYaml .svc.resources | nindent 12 }}
          securityContext:
            {{- toYaml $v.securityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $v.tmpVolume.sizeLimit }}
      {{- with .svc.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .svc.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with .svc.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end -}}

{{/*
Variables read from Secrets, never from values: a service's database credentials (and the keyring of
publishing's channel credentials and listening's YouTube API keys); the console's OIDC client secret and session cookie key.
*/}}
{{- define "tribu.service.secretEnv" -}}
{{- if .console }}
{{- $secret := required "console.existingSecret is required: create a Secret holding the OIDC client secret and the session key (kubectl create secret generic tribu-console --from-literal=client-secret=... --from-literal=session-key=...) and set console.existingSecret to its name" .svc.existingSecret }}
- name: TRIBU_CONSOLE_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ required "console.clientSecretKey is required: the key of the OIDC client secret in console.existingSecret" .svc.clientSecretKey }}
- name: TRIBU_CONSOLE_SESSION_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ required "console.sessionKeyKey is required: the key of the session cookie key in console.existingSecret" .svc.sessionKeyKey }}
{{- else }}
{{- $db := include "tribu.service.database" . | fromYaml }}
{{- $secret := required "database.existingSecret is required: create a Secret holding the database password (kubectl create secret generic tribu-db --from-literal=password=...) and set database.existingSecret to its name" $db.existingSecret }}
{{- if $db.userKey }}
- name: TRIBU_DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $db.userKey }}
{{- end }}
- name: TRIBU_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ required "database.passwordKey is required: the key of the password in database.existingSecret" $db.passwordKey }}
{{- with .svc.credentials }}
- name: TRIBU_CREDENTIALS_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ required "credentials.existingSecret is required: create a Secret holding the keyring (id:base64key,...)" .existingSecret }}
      key: {{ required "credentials.keysKey is required" .keysKey }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "tribu.service.hpa" -}}
{{- with .svc.autoscaling }}{{ if .enabled }}
{{- if gt (int .minReplicas) (int .maxReplicas) }}
{{- fail (printf "services.%s.autoscaling: minReplicas (%v) is greater than maxReplicas (%v)" $.name .minReplicas .maxReplicas) }}
{{- end }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "tribu.service.fullname" $ }}
  labels:
    {{- include "tribu.service.labels" $ | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "tribu.service.fullname" $ }}
  minReplicas: {{ .minReplicas }}
  maxReplicas: {{ .maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ .targetCPUUtilizationPercentage }}
  behavior:
    scaleDown:
      # Avoids flapping after a burst of mentions.
      stabilizationWindowSeconds: 300
{{- end }}{{ end }}
{{- end -}}

{{- define "tribu.service.pdb" -}}
{{- with .svc.pdb }}{{ if .enabled }}
{{- $replicas := ternary $.svc.autoscaling.minReplicas $.svc.replicaCount (eq $.svc.autoscaling.enabled true) | int }}
{{- if ge (int .minAvailable) $replicas }}
{{- fail (printf "services.%s.pdb.minAvailable (%v) must be lower than the replicas (%v), or no node could ever be drained" $.name .minAvailable $replicas) }}
{{- end }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "tribu.service.fullname" $ }}
  labels:
    {{- include "tribu.service.labels" $ | nindent 4 }}
spec:
  minAvailable: {{ .minAvailable }}
  selector:
    matchLabels:
      {{- include "tribu.service.selectorLabels" $ | nindent 6 }}
{{- end }}{{ end }}
{{- end -}}

{{- define "tribu.service.networkPolicy" -}}
{{- $np := .root.Values.networkPolicy -}}
{{- if $np.enabled }}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "tribu.service.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    {{- if $np.egress.enabled }}
    - Egress
    {{- end }}
  ingress:
    - from:
        # The other services of the suite.
        - podSelector:
            matchLabels:
              {{- include "tribu.suiteSelector" .root | nindent 14 }}
        # The ingress controller.
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.ingressControllerNamespace }}
        # Prometheus, for /q/metrics.
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $np.monitoringNamespace }}
      ports:
        - port: http
          protocol: TCP
  {{- if $np.egress.enabled }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    - ports:
        {{- range concat $np.egress.ports (dig "networkPolicy" "extraEgressPorts" list .svc) | uniq }}
        - port: {{ . }}
          protocol: TCP
        {{- end }}
  {{- end }}
{{- end }}
{{- end -}}

{{- define "tribu.service.serviceMonitor" -}}
{{- $sm := .root.Values.serviceMonitor -}}
{{- if $sm.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "tribu.service.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: http
      path: /q/metrics
      interval: {{ $sm.interval }}
      scrapeTimeout: {{ $sm.scrapeTimeout }}
{{- end }}
{{- end -}}

{{- define "tribu.service.ingress" -}}
{{- $ing := .root.Values.ingress -}}
{{- if and $ing.enabled .svc.ingress.host }}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {{ include "tribu.service.fullname" . }}
  labels:
    {{- include "tribu.service.labels" . | nindent 4 }}
  {{- with $ing.annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with $ing.className }}
  ingressClassName: {{ . }}
  {{- end }}
  {{- if $ing.tls.enabled }}
  tls:
    - hosts:
        - {{ .svc.ingress.host | quote }}
      secretName: {{ $ing.tls.secretName | default (printf "%s-tls" (include "tribu.service.fullname" .)) }}
  {{- end }}
  rules:
    - host: {{ .svc.ingress.host | quote }}
      http:
        paths:
          {{- range required (printf "services.%s.ingress.paths is required" .name) .svc.ingress.paths }}
          - path: {{ .path }}
            pathType: {{ .pathType | default "Prefix" }}
            backend:
              service:
                name: {{ include "tribu.service.fullname" $ }}
                port:
                  name: http
          {{- end }}
{{- end }}
{{- end -}}
